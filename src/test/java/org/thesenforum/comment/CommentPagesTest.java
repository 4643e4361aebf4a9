package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.SessionCookies;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

@QuarkusTest
class CommentPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @TestHTTPResource("/")
    URL base;

    /** The CSRF cookie and the matching hidden field, taken from a page as a browser would. */
    private record Csrf(String cookie, String field) {
    }

    @Test
    void postingTheFormWithItsCsrfTokenStoresTheCommentAndRedirectsToIt() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        String location = submit(expert, csrf, "/topics/" + topic + "/comments",
                Map.of("body", "Grüße aus dem Stadtteilbüro – „Beitrag“ 2048", "questionId", ""))
                .statusCode(303).header("Location", matchesPattern(".*/topics/" + topic + "#c\\d+$"))
                .extract().header("Location");
        assertTrue(Fixtures.commentExists(topic, "Grüße aus dem Stadtteilbüro – „Beitrag“ 2048"));
        String id = location.substring(location.indexOf("#c") + 2);
        signedIn(expert).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("<li id=\"c" + id + "\""),
                        containsString("Grüße aus dem Stadtteilbüro – „Beitrag“ 2048"));
    }

    @Test
    void replyAndQuestionTagTravelWithTheForm() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long parent = Fixtures.comment(topic, Fixtures.expert(), null, null, "Ausgangsbeitrag");
        long question = Fixtures.question(4);
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        String html = signedIn(expert).get("/topics/" + topic + "?antwort=" + parent).asString();
        assertTrue(html.contains("<input type=\"hidden\" name=\"parentId\" value=\"" + parent + "\">"));
        String location = submit(expert, csrf, "/topics/" + topic + "/comments",
                Map.of("body", "Meine Antwort", "parentId", String.valueOf(parent),
                        "questionId", String.valueOf(question)))
                .statusCode(303).extract().header("Location");
        String id = location.substring(location.indexOf("#c") + 2);
        given().get("/api/comments/" + id).then().statusCode(200)
                .body("parentId", org.hamcrest.Matchers.equalTo((int) parent))
                .body("questionId", org.hamcrest.Matchers.equalTo((int) question));
    }

    @Test
    void postingWithoutCsrfTokenIsRejectedAndStoresNothing() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        signedIn(expert).redirects().follow(false).contentType(FORM).formParam("body", "Ohne Token 555")
                .post("/topics/" + topic + "/comments").then().statusCode(400);
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        signedIn(expert).redirects().follow(false).contentType(FORM).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", "falsch").formParam("body", "Ohne Token 555")
                .post("/topics/" + topic + "/comments").then().statusCode(400);
        assertFalse(Fixtures.commentExists(topic, "Ohne Token 555"));
    }

    @Test
    void emptyBodyShowsThePageAgainWithTheErrorAtTheForm() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        String html = submit(expert, csrfFrom(expert, "/topics/" + topic), "/topics/" + topic + "/comments",
                Map.of("body", "   \n "))
                .statusCode(422).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("id=\"new-comment\""));
        assertTrue(html.contains("id=\"new-comment-error\">Das Feld darf nicht leer sein.</p>"));
        assertTrue(html.contains("aria-describedby=\"new-comment-hint new-comment-error\""));
        assertTrue(html.contains("aria-invalid=\"true\""));
    }

    @Test
    void overlongTextIsRefusedAndKeptInTheTextarea() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        String text = "Mein langer Beitrag 9731 " + "x".repeat(10_000);
        String html = submit(expert, csrfFrom(expert, "/topics/" + topic), "/topics/" + topic + "/comments",
                Map.of("body", text)).statusCode(422).extract().asString();
        assertTrue(html.contains("Höchstens 10000 Zeichen sind erlaubt."));
        Matcher textarea = Pattern.compile("<textarea id=\"new-comment-body\"[^>]*>\\n?([^<]*)</textarea>")
                .matcher(html);
        assertTrue(textarea.find());
        assertTrue(textarea.group(1).startsWith("Mein langer Beitrag 9731 xxx"));
        assertTrue(textarea.group(1).length() == text.length());
        assertFalse(Fixtures.commentExists(topic, text));
    }

    @Test
    void refusedReplyOpensItsFormWithTheMessage() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long parent = Fixtures.comment(topic, Fixtures.expert(), null, null, "Worauf geantwortet wird");
        String html = submit(expert, csrfFrom(expert, "/topics/" + topic), "/topics/" + topic + "/comments",
                Map.of("body", "", "parentId", String.valueOf(parent))).statusCode(422).extract().asString();
        assertTrue(html.contains("id=\"reply-form-error\">Das Feld darf nicht leer sein."));
        assertTrue(commentMarkup(html, parent).contains("id=\"reply-form\""), "the form stands under the comment");
        assertTrue(html.contains("href=\"#reply-form\""));
    }

    @Test
    void lockedTopicHasNoFormAndRefusesPostsWith409KeepingTheText() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        Fixtures.comment(topic, expert, null, null, "Vor der Sperre");
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        Fixtures.lock(topic);
        // The forms are there, so that unlocking makes them usable without a reload, but hidden: the topic's state
        // element says is-locked, which hides the controls for writing (forum.css), and the form carries hidden.
        signedIn(expert).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("Dieses Thema ist gesperrt"),
                        containsString("class=\"topic-status is-locked\""),
                        containsString("id=\"new-comment\" data-write-form hidden>"),
                        containsString("class=\"action member-control write-control\" data-action=\"reply\""),
                        containsString("class=\"action author-control write-control\" data-action=\"edit\""));
        String html = submit(expert, csrf, "/topics/" + topic + "/comments", Map.of("body", "Zu spät 4242"))
                .statusCode(409).extract().asString();
        assertTrue(html.contains("Das Thema ist gesperrt: Neue Beiträge sind nicht möglich."));
        assertTrue(html.contains("id=\"kept-text\" readonly>\nZu spät 4242</textarea>"));
        assertFalse(Fixtures.commentExists(topic, "Zu spät 4242"));
    }

    @Test
    void tooManyCommentsInAMinuteAreRefusedWith429KeepingTheText() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        ValidatableResponse last = null;
        for (int i = 0; i < 10; i++) {
            last = submit(expert, csrf, "/topics/" + topic + "/comments", Map.of("body", "Schnell " + i));
            if (last.extract().statusCode() == 429) {
                break;
            }
            last.statusCode(303);
        }
        last.statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .body(containsString("Zu viele Beiträge in kurzer Zeit"), containsString("Schnell "));
    }

    @Test
    void tooManyEditsAreRefusedWith429KeepingTheTypedText() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long comment = Fixtures.comment(topic, author, null, null, "Stand vor dem Limit");
        long other = Fixtures.comment(topic, author, null, null, "Anderer eigener Beitrag");
        Csrf csrf = csrfFrom(author, "/topics/" + topic);
        for (int i = 0; i < 20; i++) {
            submit(author, csrf, "/comments/" + other + "/edit", Map.of("body", "Fassung " + i)).statusCode(303);
        }
        String html = submit(author, csrf, "/comments/" + comment + "/edit", Map.of("body", "Mein neuer Text 7781"))
                .statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("id=\"edit-form-error\">Zu viele Bearbeitungen und Löschungen in kurzer "
                + "Zeit. Bitte in "), html);
        assertTrue(commentMarkup(html, comment).contains("id=\"edit-form\""), "the form stands under the comment");
        assertTrue(html.contains(">\nMein neuer Text 7781</textarea>"), "the typed text stays in the edit form");
        assertTrue(html.contains("href=\"#edit-form\""), "the message at the top links to the form");
        assertTrue(Fixtures.commentExists(topic, "Stand vor dem Limit"));
        assertFalse(Fixtures.commentExists(topic, "Mein neuer Text 7781"));
    }

    @Test
    void tooManyDeletesAreRefusedWith429AtTheDeleteForm() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long comment = Fixtures.comment(topic, author, null, null, "Soll bleiben 6262");
        long other = Fixtures.comment(topic, author, null, null, "Wird oft bearbeitet");
        Csrf csrf = csrfFrom(author, "/topics/" + topic);
        for (int i = 0; i < 20; i++) {
            author.as().body(Map.of("body", "Fassung " + i)).patch("/api/comments/" + other).then().statusCode(200);
        }
        String html = submit(author, csrf, "/comments/" + comment + "/delete", Map.of())
                .statusCode(429).header("Retry-After", matchesPattern("\\d+")).extract().asString();
        assertTrue(html.contains("id=\"delete-form-error\">Zu viele Bearbeitungen und Löschungen"), html);
        assertTrue(commentMarkup(html, comment).contains("id=\"delete-form\""), "the form stands under the comment");
        assertTrue(html.contains("href=\"#delete-form\""));
        given().get("/api/comments/" + comment).then().statusCode(200)
                .body("deleted", is(false)).body("body", equalTo("Soll bleiben 6262"));
    }

    @Test
    void anonymousPostIsSentToTheLogin() {
        long topic = Fixtures.freshTopic();
        Csrf csrf = csrfFrom(Fixtures.expert(), "/topics/" + topic);
        given().redirects().follow(false).contentType(FORM).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("body", "Anonym")
                .post("/topics/" + topic + "/comments").then().statusCode(303)
                .header("Location", containsString("/login?next="));
        assertFalse(Fixtures.commentExists(topic, "Anonym"));
    }

    @Test
    void aPostAfterTheSessionEndedLeadsThroughTheLoginBackToTheTopicPageNotThePostAddress() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        String session = PageForms.signIn(expert);
        PageForms.Form form = PageForms.open("/topics/" + topic, session);
        endSessionsOf(expert);

        // No Referer (some privacy settings strip it): the form's own topic page.
        String login = form.post().formParam("body", "Nach dem Sitzungsende 4711")
                .post("/topics/" + topic + "/comments").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Ftopics%2F" + topic)).extract().header("Location");
        assertFalse(Fixtures.commentExists(topic, "Nach dem Sitzungsende 4711"));
        String next = URLDecoder.decode(login.substring(login.indexOf("next=") + 5), StandardCharsets.UTF_8);
        Response signedInAgain = PageForms.open("/login?next=" + login.substring(login.indexOf("next=") + 5), null)
                .post().formParam("email", expert.email()).formParam("password", Fixtures.PASSWORD)
                .formParam("next", next).post("/login");
        signedInAgain.then().statusCode(303).header("Location", endsWith("/topics/" + topic));
        PageForms.browser(signedInAgain.getCookie(SessionCookies.NAME)).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("id=\"new-comment\""));
    }

    @Test
    void aPostAfterTheSessionEndedReturnsToThePageInItsReferer() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        String session = PageForms.signIn(expert);
        PageForms.Form form = PageForms.open("/topics/" + topic, session);
        endSessionsOf(expert);

        String host = base.getHost() + ":" + base.getPort(); // the Host header RestAssured sends
        form.post().header("Referer", "http://" + host + "/topics/" + topic + "?frage=2")
                .formParam("body", "Mit Filter").post("/topics/" + topic + "/comments").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Ftopics%2F" + topic + "%3Ffrage%3D2"));
        // The topic page shown again after a refusal has the POST address in the address bar: not a target either.
        form.post().header("Referer", "http://" + host + "/topics/" + topic + "/comments")
                .formParam("body", "Zweiter Versuch").post("/topics/" + topic + "/comments").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Ftopics%2F" + topic));
    }

    @Test
    void anEditAfterTheSessionEndedReturnsToTheCommentInItsTopic() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long id = Fixtures.comment(topic, author, "Erste Fassung", null);
        String session = PageForms.signIn(author);
        PageForms.Form form = PageForms.open("/topics/" + topic, session);
        endSessionsOf(author);

        form.post().formParam("body", "Zweite Fassung").post("/comments/" + id + "/edit").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fcomments%2F" + id));
        PageForms.browser(null).get("/comments/" + id).then().statusCode(303)
                .header("Location", endsWith("/topics/" + topic + "#c" + id));
        PageForms.browser(null).get("/comments/999999999").then().statusCode(404);
    }

    @Test
    void authorEditsAndDeletesThroughTheForms() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long comment = Fixtures.comment(topic, author, null, null, "Erste Fassung");
        Csrf csrf = csrfFrom(author, "/topics/" + topic);
        String html = signedIn(author).get("/topics/" + topic).asString();
        assertTrue(commentMarkup(html, comment).startsWith("<li id=\"c" + comment + "\" class=\"comment depth-1 is-mine\""),
                "the author's controls show on the own comment");
        html = signedIn(author).get("/topics/" + topic + "?bearbeiten=" + comment).asString();
        assertTrue(html.contains(">\nErste Fassung</textarea>"), "edit form is prefilled");
        assertTrue(html.contains("action=\"/comments/" + comment + "/edit\""));
        User other = Fixtures.expert();
        assertFalse(signedIn(other).get("/topics/" + topic).asString().contains("is-mine"),
                "others do not get the author's controls");
        signedIn(other).get("/topics/" + topic + "?bearbeiten=" + comment).then()
                .body(not(containsString("action=\"/comments/" + comment + "/edit\"")));

        submit(author, csrf, "/comments/" + comment + "/edit", Map.of("body", "Zweite Fassung"))
                .statusCode(303).header("Location", startsWith("http")).header("Location",
                        containsString("/topics/" + topic + "#c" + comment));
        signedIn(author).get("/topics/" + topic).then()
                .body(containsString("Zweite Fassung"), containsString("bearbeitet am "));

        String refused = submit(author, csrf, "/comments/" + comment + "/edit", Map.of("body", " "))
                .statusCode(422).extract().asString();
        assertTrue(refused.contains("id=\"edit-form-error\""));

        submit(author, csrf, "/comments/" + comment + "/delete", Map.of()).statusCode(303);
        signedIn(author).get("/topics/" + topic).then()
                .body(containsString("Beitrag gelöscht"), not(containsString("Zweite Fassung")));
    }

    @Test
    void othersCannotDeleteAComment() {
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, Fixtures.expert(), null, null, "Bleibt stehen");
        User other = Fixtures.expert();
        submit(other, csrfFrom(other, "/topics/" + topic), "/comments/" + comment + "/delete", Map.of())
                .statusCode(403).contentType(containsString("text/html"));
        assertTrue(Fixtures.commentExists(topic, "Bleibt stehen"));
    }

    @Test
    void moderatorsHideWithAReasonAndUnhide() {
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, Fixtures.expert(), null, null, "Grenzwertig 3131");
        User expert = Fixtures.expert();
        submit(expert, csrfFrom(expert, "/topics/" + topic), "/comments/" + comment + "/hide",
                Map.of("reason", "Nein")).statusCode(403).contentType(containsString("text/html"));

        User moderator = Fixtures.moderator();
        Csrf csrf = csrfFrom(moderator, "/topics/" + topic);
        String refused = submit(moderator, csrf, "/comments/" + comment + "/hide", Map.of("reason", " "))
                .statusCode(422).extract().asString();
        assertTrue(refused.contains("id=\"hide-form-error\""));
        assertTrue(commentMarkup(refused, comment).contains("id=\"hide-form\""), "the form stands under the comment");

        submit(moderator, csrf, "/comments/" + comment + "/hide", Map.of("reason", "Persönlicher Angriff"))
                .statusCode(303);
        given().get("/topics/" + topic).then()
                .body(containsString("Von der Moderation ausgeblendet"), not(containsString("Grenzwertig 3131")));

        submit(moderator, csrf, "/comments/" + comment + "/unhide", Map.of()).statusCode(303);
        given().get("/topics/" + topic).then().body(containsString("Grenzwertig 3131"));
    }

    // ---------------------------------------------------------------- the single reply form, without JavaScript

    @Test
    void thePageHasOneReplyFormAndEachCommentALinkToIt() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long first = Fixtures.comment(topic, Fixtures.expert(), null, null, "Erster");
        long second = Fixtures.comment(topic, Fixtures.expert(), null, null, "Zweiter");
        long reply = Fixtures.comment(topic, Fixtures.expert(), first, null, "Antwort");
        String html = signedIn(expert).get("/topics/" + topic).asString();
        assertEquals(1, count(html, "id=\"reply-form\""), "one reply form per page");
        assertTrue(html.contains("id=\"reply-form\" class=\"action-form\" data-action-form=\"reply\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"parentId\" value=\"\">"), "waits without a parent");
        for (long id : new long[] { first, second, reply }) {
            assertTrue(commentMarkup(html, id).contains("href=\"/topics/" + topic + "?antwort=" + id + "#reply-form\""),
                    "comment " + id + " links to the form");
            assertFalse(commentMarkup(html, id).contains("id=\"reply-form\""));
        }
        assertEquals(0, count(html, "<details"), "no forms folded into every comment");
    }

    @Test
    void theReplyLinkShowsTheFormUnderTheAnsweredComment() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        User author = Fixtures.expert();
        long parent = Fixtures.comment(topic, author, null, null, "Worauf geantwortet wird 8181");
        Fixtures.comment(topic, author, null, null, "Ein anderer");
        String html = signedIn(expert).get("/topics/" + topic + "?antwort=" + parent).then().statusCode(200)
                .extract().asString();
        assertEquals(1, count(html, "id=\"reply-form\""));
        String under = commentMarkup(html, parent);
        assertTrue(under.contains("id=\"reply-form\""), under);
        assertFalse(under.contains("id=\"reply-form\" hidden"));
        assertTrue(under.contains("name=\"parentId\" value=\"" + parent + "\""));
        assertTrue(under.contains(">Ihre Antwort an Test Expert "), under);

        // Sent from there, the reply lands under the comment.
        String location = submit(expert, csrfFrom(expert, "/topics/" + topic + "?antwort=" + parent),
                "/topics/" + topic + "/comments", Map.of("body", "Ohne JavaScript geantwortet", "parentId",
                        String.valueOf(parent))).statusCode(303).extract().header("Location");
        String id = location.substring(location.indexOf("#c") + 2);
        given().get("/api/comments/" + id).then().body("parentId", equalTo((int) parent));
    }

    /** A value that names no comment to answer leaves the form at its home: the page itself is fine (200). */
    @Test
    void anUnknownOrInvalidAntwortLeavesTheFormAtItsHome() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long deleted = Fixtures.comment(topic, expert, null, null, "Gleich gelöscht");
        Fixtures.comment(topic, expert, null, null, "Bleibt");
        Csrf csrf = csrfFrom(expert, "/topics/" + topic);
        submit(expert, csrf, "/comments/" + deleted + "/delete", Map.of()).statusCode(303);
        long elsewhere = Fixtures.comment(Fixtures.freshTopic(), expert, null, null, "Anderes Thema");
        for (String value : List.of("abc", "", "-1", "999999999", "1e3", String.valueOf(deleted),
                String.valueOf(elsewhere))) {
            String html = signedIn(expert).get("/topics/" + topic + "?antwort=" + value).then().statusCode(200)
                    .extract().asString();
            assertEquals(1, count(html, "id=\"reply-form\""), value);
            assertTrue(html.contains("data-label=\"Ihre Antwort an %1\" hidden>"), "waits hidden: " + value);
            assertTrue(html.contains("<input type=\"hidden\" name=\"parentId\" value=\"\">"), value);
        }
        // Readers who are not signed in get no reply form at all.
        given().get("/topics/" + topic + "?antwort=" + deleted).then().statusCode(200)
                .body(not(containsString("id=\"reply-form\"")));
    }

    // ---------------------------------------------------------------- helpers

    /** The markup of one comment up to the start of its replies list (its card with controls and open forms). */
    private static String commentMarkup(String html, long id) {
        int start = html.indexOf("<li id=\"c" + id + "\"");
        assertTrue(start >= 0, "comment " + id + " is on the page");
        int end = html.indexOf("id=\"c" + id + "-replies\"", start);
        return html.substring(start, end);
    }

    private static int count(String html, String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }

    /** Changing the role ends every session of the account, as logging out everywhere or disabling it does. */
    private static void endSessionsOf(User user) {
        Fixtures.admin().as().body(Map.of("role", "MODERATOR")).put("/api/accounts/" + user.id() + "/role")
                .then().statusCode(200);
    }

    private static RequestSpecification signedIn(User user) {
        return given().auth().preemptive().basic(user.email(), Fixtures.PASSWORD);
    }

    private static Csrf csrfFrom(User user, String path) {
        var page = signedIn(user).get(path);
        page.then().statusCode(200);
        String cookie = page.getCookie("csrf-token");
        assertTrue(cookie != null && !cookie.isEmpty(), "the page sets the CSRF cookie");
        return new Csrf(cookie, csrfField(page.asString()));
    }

    private static String csrfField(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page carries a CSRF field");
        return m.group(1);
    }

    private static ValidatableResponse submit(User user, Csrf csrf, String path, Map<String, String> fields) {
        RequestSpecification request = signedIn(user).redirects().follow(false).contentType(FORM)
                .cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field());
        fields.forEach(request::formParam);
        return request.post(path).then();
    }
}
