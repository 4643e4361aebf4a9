package org.thesenforum.discussion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class DiscussionPagesTest {

    private static final List<String> QUESTIONS = List.of("Was ist die Situation vor Ort?",
            "Was benötigen die Stadtteile und Quartiere?", "Was benötigt/en ihr/ Sie?",
            "Was sind unsere gemeinsamen Forderungen?");
    /** Any real tag: text never holds a literal '<' because it is escaped. */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** The only script a page may load: its live client, from our own origin, as a module. */
    private static final String LIVE_SCRIPT = "<script type=\"module\" src=\"/js/(topic|overview)\\.js\"></script>";
    /** The other scripts a page may load: sign-out, the bell, @mention suggestions, the comment forms' writing help. */
    private static final String SIGNOUT_SCRIPT = "<script src=\"/js/(signout|notifications|mentions|compose)\\.js\""
            + " defer></script>";

    @Test
    void startPageShowsTheOverviewOfTheOnlyDiscussionOrLinksToAll() {
        int discussions = given().get("/api/discussions").then().extract().jsonPath().getList("$").size();
        String html = page("/");
        if (discussions == 1) {
            assertTrue(html.contains("<h1>Ankommen im Gemeinwesen</h1>"), html);
            assertTrue(html.contains("href=\"/topics/" + Fixtures.thesis(1) + "\""));
        } else {
            assertTrue(html.contains("href=\"/discussions/" + Fixtures.SLUG + "\""));
        }
    }

    @Test
    void overviewShowsAllEightTopicsWithTitlesAndTheFourQuestions() {
        String html = page("/discussions/" + Fixtures.SLUG);
        assertTrue(html.contains("<h1>Ankommen im Gemeinwesen</h1>"));
        assertTrue(html.contains("Diskussionsgrundlage für die Veranstaltung"));
        for (int n = 1; n <= 5; n++) {
            assertTrue(html.contains("href=\"/topics/" + Fixtures.thesis(n) + "\""), "These " + n);
            assertTrue(html.contains("These " + n + "</span>"));
        }
        for (int n = 1; n <= 3; n++) {
            assertTrue(html.contains("href=\"/topics/" + Fixtures.topicId(TopicKind.APPROACH, n) + "\""));
        }
        for (String title : List.of("Gemeinwesenarbeit (GWA)", "Sozialraumorientierung", "Soziale Stadt")) {
            assertTrue(html.contains("<span class=\"topic-title\">" + title + "</span>"), title);
        }
        String questions = between(html, "<ol class=\"question-list\">", "</ol>");
        for (String question : QUESTIONS) {
            // Each question is an anchor (q{id}) that the meeting's banner can lead to.
            assertTrue(questions.matches("(?s).*<li id=\"q\\d+\">" + java.util.regex.Pattern.quote(question)
                    + "</li>.*"), question);
        }
        assertTrue(html.contains("<details class=\"invitation\">"));
        assertTrue(html.contains("Stand: 15.04.2016"));
    }

    @Test
    void invitationShowsTheAddressBlockLineByLine() {
        String invitation = between(page("/discussions/" + Fixtures.SLUG), "<details class=\"invitation\">",
                "</details>");
        Pattern address = Pattern.compile("<strong>Expert/innenrunde</strong><br />\\s*"
                + "<strong>Donnerstag, 16\\. Juni 2016, 10\\.30 – ca\\. 16\\.00 Uhr</strong><br />\\s*"
                + "<strong>Geschäftsstelle der LAG</strong><br />\\s*"
                + "<strong>Stiftstr\\. 15</strong><br />\\s*"
                + "<strong>30159 Hannover</strong></p>");
        assertTrue(address.matcher(invitation).find(), invitation);
        assertFalse(invitation.contains("Geschäftsstelle der LAG</strong> <strong>"), invitation);
    }

    @Test
    void topicCardsShowCountLastActivityAndLock() {
        long quiet = Fixtures.freshTopic();
        long busy = Fixtures.freshTopic();
        long locked = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        Fixtures.comment(busy, expert, null, null, "Erster");
        Fixtures.comment(busy, expert, null, null, "Zweiter");
        Fixtures.comment(locked, expert, null, null, "Einziger");
        Fixtures.lock(locked);
        String html = page("/discussions/" + Fixtures.SLUG);
        assertTrue(card(html, quiet).contains("Noch keine Beiträge"));
        assertTrue(card(html, busy).contains("2 Beiträge"));
        assertTrue(card(html, busy).contains("Letzter Beitrag: <time datetime=\""));
        assertTrue(card(html, locked).contains("1 Beitrag<"));
        assertTrue(card(html, locked).contains("Gesperrt"));
        assertFalse(card(html, busy).contains("Gesperrt"));
    }

    @Test
    void unknownDiscussionOrTopicShowsAGermanErrorPage() {
        given().get("/discussions/gibt-es-nicht").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Die Diskussion wurde nicht gefunden."), containsString("<h1>Fehler 404</h1>"));
        given().get("/topics/999999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Das Thema wurde nicht gefunden."));
        given().get("/topics/abc").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void pagesFollowTheBrowserLanguage() {
        given().header("Accept-Language", "en").get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Guiding questions"),
                        containsString("Thesis 1"));
        given().header("Accept-Language", "de-DE,de;q=0.9").get("/topics/" + Fixtures.thesis(1)).then()
                .body(containsString("<html lang=\"de\">"), containsString("These 1"));
    }

    @Test
    void topicPageShowsTheFullTextAndComments() {
        long topic = Fixtures.thesis(4);
        User expert = Fixtures.expert();
        long comment = Fixtures.comment(topic, expert, null, null, "In Linden sehen wir das *jeden Tag*.");
        String html = page("/topics/" + topic);
        assertTrue(html.contains("oder „Parallelgesellschaft“ zeigen"));
        assertTrue(html.contains("These 4"));
        assertTrue(html.contains("<li id=\"c" + comment + "\""));
        assertTrue(html.contains("data-comment-id=\"" + comment + "\""));
        assertTrue(html.contains("<p>In Linden sehen wir das <em>jeden Tag</em>.</p>"));
        assertTrue(html.contains("Quartiersbüro Test, Hannover-Linden"));
        assertTrue(html.contains("<ol class=\"thread\""));
    }

    @Test
    void anonymousReadersAreAskedToSignInAndSeeNoForms() {
        long topic = Fixtures.freshTopic();
        Fixtures.comment(topic, Fixtures.expert(), null, null, "Hallo");
        String html = page("/topics/" + topic);
        assertTrue(html.contains("href=\"/login?next=%2Ftopics%2F" + topic + "\""));
        assertTrue(html.contains("Zum Mitdiskutieren bitte anmelden"));
        assertFalse(html.contains("method=\"post\" action=\"/topics/" + topic + "/comments\""));
        assertFalse(html.contains("<summary>Antworten</summary>"));
    }

    @Test
    void hostileCommentBodiesAreRenderedInert() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        List<Long> ids = new ArrayList<>();
        for (String body : List.of("<script>alert(1)</script>", "[x](javascript:alert(1))",
                "<img src=x onerror=alert(1)>", "<a href=\"#\" onclick=\"x()\">klick</a>")) {
            ids.add(Fixtures.comment(topic, expert, null, null, body));
        }
        List<String> pages = new ArrayList<>(List.of(page("/topics/" + topic),
                signedIn(expert).get("/topics/" + topic).asString()));
        // As the author, with the edit form open under each comment, so the bodies also appear in the edit form.
        ids.forEach(id -> pages.add(signedIn(expert).get("/topics/" + topic + "?bearbeiten=" + id).asString()));
        for (String html : pages) {
            assertFalse(html.contains("<script>alert"));
            assertFalse(html.replaceAll(LIVE_SCRIPT, "").replaceAll(SIGNOUT_SCRIPT, "").contains("<script"));
            assertFalse(html.contains("href=\"javascript"));
            Matcher tags = TAG.matcher(html);
            while (tags.find()) {
                String tag = tags.group().toLowerCase();
                assertFalse(tag.contains(" onerror=") || tag.contains(" onclick="), tag);
                assertFalse(tag.contains("javascript:"), tag);
                assertFalse(tag.contains(" style="), tag);
            }
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertTrue(html.contains("&lt;img src"), "the image tag is shown as text");
            assertTrue(html.contains("&lt;a href"), "the link tag is shown as text");
        }
    }

    @Test
    void repliesNestUpToDepthFourAndDeeperOnesAreFlatWithTheirParent() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long[] chain = new long[6];
        Long parent = null;
        for (int i = 0; i < chain.length; i++) {
            chain[i] = Fixtures.comment(topic, expert, parent, null, "Ebene " + (i + 1));
            parent = chain[i];
        }
        String html = page("/topics/" + topic);
        for (int i = 0; i < chain.length; i++) {
            int expected = Math.min(i + 1, 4);
            assertEquals(expected, depth(html, chain[i]), "comment at level " + (i + 1));
        }
        String name = expertName(html, chain[0]);
        assertFalse(li(html, chain[1]).contains("Antwort auf"));
        assertTrue(head(html, chain[4]).contains("Antwort auf " + name));
        assertTrue(head(html, chain[5]).contains("Antwort auf " + name));
        assertFalse(head(html, chain[3]).contains("Antwort auf"));
        // Nested markup: a reply sits inside the list of replies of its parent.
        assertTrue(html.indexOf("<li id=\"c" + chain[1] + "\"") > html.indexOf("<li id=\"c" + chain[0] + "\""));
        assertTrue(between(html, "<li id=\"c" + chain[0] + "\"", "<li id=\"c" + chain[1] + "\"")
                .contains("<ol class=\"replies\" id=\"c" + chain[0] + "-replies\""));
        assertTrue(between(html, "<li id=\"c" + chain[3] + "\"", "<li id=\"c" + chain[4] + "\"")
                .contains("<ol class=\"replies flat\" id=\"c" + chain[3] + "-replies\""));
    }

    @Test
    void hiddenCommentShowsAPlaceholderToExpertsAndTextWithReasonToModerators() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        User moderator = Fixtures.moderator();
        long comment = Fixtures.comment(topic, author, null, null, "Unsachlicher Satz 4711");
        moderator.as().body("{\"reason\":\"Beleidigung Grund 0815\"}").post("/api/comments/" + comment + "/hide")
                .then().statusCode(200);

        String expertView = signedIn(Fixtures.expert()).get("/topics/" + topic).asString();
        assertTrue(li(expertView, comment).contains("Von der Moderation ausgeblendet"));
        assertFalse(expertView.contains("Unsachlicher Satz 4711"));
        assertFalse(expertView.contains("Beleidigung Grund 0815"));

        String moderatorView = signedIn(moderator).get("/topics/" + topic).asString();
        String li = li(moderatorView, comment);
        assertTrue(li.contains("Unsachlicher Satz 4711"));
        assertTrue(li.contains("Grund: Beleidigung Grund 0815"));
        assertTrue(li.contains("class=\"moderation-note\""));
        // The unhide control leads to the page's one unhide form, which works without JavaScript too.
        assertTrue(li.contains("href=\"/topics/" + topic + "?einblenden=" + comment + "#unhide-form\""));
        assertFalse(li.contains("<form"));
        String opened = signedIn(moderator).get("/topics/" + topic + "?einblenden=" + comment).asString();
        assertTrue(li(opened, comment).contains("action=\"/comments/" + comment + "/unhide\""));
    }

    @Test
    void deletedCommentLeavesAPlaceholder() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long comment = Fixtures.comment(topic, author, null, null, "Bald weg 1234");
        long reply = Fixtures.comment(topic, Fixtures.expert(), comment, null, "Antwort bleibt");
        author.as().delete("/api/comments/" + comment).then().statusCode(204);
        String html = page("/topics/" + topic);
        assertTrue(li(html, comment).contains("Beitrag gelöscht"));
        assertFalse(html.contains("Bald weg 1234"));
        assertTrue(li(html, reply).contains("Antwort bleibt"));
    }

    @Test
    void questionFilterShowsOnlyTaggedComments() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        long q2 = Fixtures.question(2);
        long tagged = Fixtures.comment(topic, expert, null, q2, "Zur zweiten Frage");
        long other = Fixtures.comment(topic, expert, null, Fixtures.question(3), "Zur dritten Frage");
        long untagged = Fixtures.comment(topic, expert, null, null, "Ohne Frage");

        String all = page("/topics/" + topic);
        assertTrue(all.contains("id=\"c" + tagged + "\"") && all.contains("id=\"c" + other + "\"")
                && all.contains("id=\"c" + untagged + "\""));
        assertTrue(li(all, tagged).contains("Leitfrage 2"));

        String filtered = page("/topics/" + topic + "?frage=" + q2);
        assertTrue(filtered.contains("id=\"c" + tagged + "\""));
        assertFalse(filtered.contains("id=\"c" + other + "\""));
        assertFalse(filtered.contains("id=\"c" + untagged + "\""));
        assertTrue(filtered.contains("<option value=\"" + q2 + "\" selected>"));
        assertTrue(filtered.contains("Es werden nur Beiträge zu Leitfrage 2 gezeigt"));
        assertTrue(filtered.contains("<a href=\"/topics/" + topic + "\">Alle Beiträge zeigen</a>"));

        given().get("/topics/" + topic + "?frage=keine-zahl").then().statusCode(200)
                .body(containsString("id=\"c" + untagged + "\""));
    }

    @Test
    void moderatorsGetALockButtonAndLockTheTopicThroughTheForm() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        User expert = Fixtures.expert();
        var expertPage = signedIn(expert).get("/topics/" + topic);
        assertFalse(expertPage.asString().contains("/lock\""));
        signedIn(expert).redirects().follow(false).cookie("csrf-token", expertPage.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrfField(expertPage.asString()))
                .post("/topics/" + topic + "/lock").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Dafür fehlen die Rechte."));
        var page = signedIn(moderator).get("/topics/" + topic);
        String html = page.asString();
        assertTrue(html.contains("action=\"/topics/" + topic + "/lock\""));
        String token = csrfField(html);
        signedIn(moderator).redirects().follow(false).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token)
                .post("/topics/" + topic + "/lock").then().statusCode(303);
        signedIn(moderator).get("/topics/" + topic).then()
                .body(containsString("action=\"/topics/" + topic + "/unlock\""),
                        containsString("Dieses Thema ist gesperrt"));
    }

    @Test
    void pagesUseNoInlineStylesOrScripts() {
        for (String path : List.of("/", "/discussions/" + Fixtures.SLUG, "/topics/" + Fixtures.thesis(1))) {
            String html = signedIn(Fixtures.moderator()).get(path).asString();
            assertFalse(html.contains("style="), path);
            assertFalse(html.replaceAll(LIVE_SCRIPT, "").replaceAll(SIGNOUT_SCRIPT, "").contains("<script"), path);
            assertFalse(html.contains("<style"), path);
        }
    }

    @Test
    void pagesTellTheLiveClientWhereTheyStandAndHideItsIndicatorUntilItRuns() {
        long topic = Fixtures.freshTopic();
        long seq = given().get("/api/topics/" + topic).then().extract().jsonPath().getLong("lastEventSeq");
        String bar = between(page("/topics/" + topic), "<div class=\"live-bar\"", ">\n");
        assertTrue(bar.contains(" hidden"), bar);
        assertTrue(bar.contains("data-live-slug=\"" + Fixtures.SLUG + "\""), bar);
        assertTrue(bar.contains("data-live-seq=\"" + seq + "\""), bar);
        assertTrue(bar.contains("data-live-topic=\"" + topic + "\""), bar);
        assertTrue(bar.contains("data-live-member=\"false\""), bar);
        assertTrue(bar.contains("data-text-online-topic=\"%1 online, %2 bei diesem Thema\""), bar);

        String overview = between(signedIn(Fixtures.expert()).get("/discussions/" + Fixtures.SLUG).asString(),
                "<div class=\"live-bar\"", ">\n");
        assertFalse(overview.contains("data-live-topic"), overview);
        assertTrue(overview.contains("data-live-member=\"true\""), overview);
    }

    // ---------------------------------------------------------------- helpers

    private static String page(String path) {
        return given().get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    static RequestSpecification signedIn(User user) {
        return given().auth().preemptive().basic(user.email(), Fixtures.PASSWORD);
    }

    static String csrfField(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page carries a CSRF field");
        return m.group(1);
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "missing " + start);
        int to = html.indexOf(end, from + start.length());
        return html.substring(from, to < 0 ? html.length() : to);
    }

    private static String card(String html, long topic) {
        return between(html, "data-topic-id=\"" + topic + "\"", "</li>");
    }

    /** The markup of one comment up to its replies. */
    static String li(String html, long comment) {
        return between(html, "<li id=\"c" + comment + "\"", "<ol class=\"replies");
    }

    private static String head(String html, long comment) {
        return between(html, "<li id=\"c" + comment + "\"", "</header>");
    }

    private static int depth(String html, long comment) {
        Matcher m = Pattern.compile("<li id=\"c" + comment + "\"[^>]*data-depth=\"(\\d)\"").matcher(html);
        assertTrue(m.find(), "comment " + comment + " is on the page");
        return Integer.parseInt(m.group(1));
    }

    private static String expertName(String html, long comment) {
        Matcher m = Pattern.compile("id=\"c" + comment + "-label\">([^<]+)<").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }
}
