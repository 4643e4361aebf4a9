package org.thesenforum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

@QuarkusTest
class AdminPagesTest {

    private static final String SECOND_TITLE = "Zweites Papier";
    private static final String SECOND_SLUG = "zweites-papier";

    @AfterEach
    void removeImportedPaper() {
        QuarkusTransaction.requiringNew().run(() -> Discussion.findBySlug(SECOND_SLUG).ifPresent(d -> {
            GuidingQuestion.delete("discussion.id", d.id);
            Topic.delete("discussion.id", d.id);
            d.delete();
        }));
    }

    // ------------------------------------------------------------------ who sees what

    @Test
    void anonymousPeopleAreSentToTheLogin() {
        given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fadmin"));
        given().redirects().follow(false).get("/admin/papers").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fadmin%2Fpapers"));
    }

    @Test
    void expertsAreRefused() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.browser(session).get("/admin").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Dafür fehlen die Rechte."));
        Form form = PageForms.open("/account", session);
        form.post().formParam("maxUses", "1").post("/admin/invitations").then().statusCode(403);
    }

    @Test
    void moderatorsSeeInvitationsButNoAccountsOrAuditLog() {
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.browser(session).get("/admin").then().statusCode(200)
                .body(containsString("<h1>Einladungen</h1>"))
                .body(containsString("<label for=\"maxUses\">Wie oft nutzbar</label>"))
                .body(containsString("name=\"maxUses\" value=\"1\""))
                .body(containsString("name=\"validDays\" value=\"30\""))
                .body(not(containsString("href=\"/admin/accounts\"")))
                .body(not(containsString("href=\"/admin/audit\"")))
                .body(not(containsString("/admin/papers")));
        PageForms.browser(session).get("/admin/papers").then().statusCode(403);
        PageForms.browser(session).get("/admin/accounts").then().statusCode(403);
        PageForms.browser(session).get("/admin/audit").then().statusCode(403);
        PageForms.browser(session).get("/admin/texts").then().statusCode(403);
    }

    @Test
    void adminsSeeTheWayToAccountsAuditLogAndTexts() {
        PageForms.browser(PageForms.signIn(Fixtures.admin())).get("/admin").then().statusCode(200)
                .body(containsString("<h1>Verwaltung</h1>"))
                .body(containsString("<a href=\"/admin/accounts\">Konten</a>"))
                .body(containsString("<a href=\"/admin/audit\">Protokoll</a>"))
                .body(containsString("<a href=\"/admin/texts\">Impressum und Datenschutz</a>"))
                .body(containsString("<a href=\"/admin/papers\">"));
    }

    @Test
    void notesAreEscaped() {
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.open("/admin", session).post().formParam("maxUses", "1").formParam("validDays", "7")
                .formParam("note", "<script>alert('x')</script>").post("/admin/invitations").then().statusCode(303);
        PageForms.browser(session).get("/admin").then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    // ------------------------------------------------------------------ invitations

    @Test
    void aModeratorCreatesAnInvitationAndSeesItsLink() {
        String session = PageForms.signIn(Fixtures.moderator());
        Response created = PageForms.open("/admin", session).post()
                .formParam("maxUses", "3").formParam("validDays", "7").formParam("note", "Quartiersrunde Linden")
                .post("/admin/invitations");
        created.then().statusCode(303).header("Location", matchesPattern(".*/admin\\?created=\\d+#created"));

        String location = created.header("Location").replaceFirst("#.*$", "");
        String page = PageForms.browser(session).get(location).then().statusCode(200)
                .body(containsString("Die Einladung ist erstellt."))
                .body(containsString("3-mal nutzbar"))
                .body(containsString("Quartiersrunde Linden"))
                .extract().asString();
        Matcher link = Pattern.compile("<input type=\"text\" id=\"created-link\" value=\"(https?://[^\"]+/register\\?code=([0-9a-f]+))\" readonly").matcher(page);
        assertEquals(true, link.find(), page);
        given().get("/register?code=" + link.group(2)).then().statusCode(200);
        Fixtures.admin().as().get("/api/audit").then().statusCode(200)
                .body("action", hasItem("INVITATION_CREATED"));
    }

    @Test
    void aRefusedInvitationKeepsTheEntriesAndNamesTheField() {
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.open("/admin", session).post()
                .formParam("maxUses", "0").formParam("validDays", "7").formParam("note", "Gruppe")
                .post("/admin/invitations").then().statusCode(422)
                .body(containsString("<p id=\"maxUses-error\" class=\"notice notice-error\" role=\"alert\">"
                        + "Die Zahl der Anmeldungen muss zwischen 1 und 1000 liegen.</p>"))
                .body(containsString("aria-describedby=\"maxUses-hint maxUses-error\""))
                .body(containsString("name=\"maxUses\" value=\"0\""))
                .body(containsString("name=\"note\" value=\"Gruppe\""));
        PageForms.open("/admin", session).post()
                .formParam("maxUses", "1").formParam("validDays", "viele")
                .post("/admin/invitations").then().statusCode(422)
                .body(containsString("id=\"validDays-error\""))
                .body(containsString("name=\"validDays\" value=\"viele\""));
    }

    @Test
    void theLinkUsesTheAddressTheAdminIsUsingWhenNoBaseUrlIsConfigured() {
        String session = PageForms.signIn(Fixtures.moderator());
        String location = PageForms.open("/admin", session).post().formParam("maxUses", "1")
                .post("/admin/invitations").then().statusCode(303).extract().header("Location");
        PageForms.browser(session).header("Host", "forum.example.net:8443").get(location.replaceFirst("#.*$", ""))
                .then().statusCode(200)
                .body(containsString("value=\"http://forum.example.net:8443/register?code="))
                .body(not(containsString("id=\"base-url-warning\"")));
    }

    @Test
    void theListSaysInWordsHowFarEachInvitationIsUsed() {
        String session = PageForms.signIn(Fixtures.moderator());
        long id = invite(session, "5", "Quartiersrat Nord");
        String code = code(id);
        register(code, "a");
        register(code, "b");
        String card = card(PageForms.browser(session).get("/admin").then().statusCode(200).extract().asString(), id);
        assertTrue(card.contains("<dd>Quartiersrat Nord</dd>"), card);
        assertTrue(card.contains("2 von 5 genutzt"), card);
        assertTrue(card.contains("<dd class=\"status\">aktiv</dd>"), card);
        assertTrue(card.contains("readonly class=\"copy-field\""), card);
        assertTrue(card.contains("data-copy=\"link-" + id + "\""), card);
        assertTrue(card.matches("(?s).*<time datetime=\"[^\"]+\">\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d</time>.*"), card);

        long single = invite(session, "1", "Einzeln");
        register(code(single), "c");
        String usedUp = card(PageForms.browser(session).get("/admin").then().extract().asString(), single);
        assertTrue(usedUp.contains("<dd class=\"status\">aufgebraucht</dd>"), usedUp);
        assertTrue(!usedUp.contains("Widerrufen"), "a used-up link has nothing left to revoke");
    }

    @Test
    void aRevokedInvitationRefusesRegistrationAndIsAudited() {
        String session = PageForms.signIn(Fixtures.moderator());
        long id = invite(session, "3", "Wird widerrufen");
        String code = code(id);
        PageForms.open("/admin", session).post().post("/admin/invitations/" + id + "/revoke").then().statusCode(303)
                .header("Location", endsWith("/admin?done=revoked#invitation-" + id));

        String page = PageForms.browser(session).get("/admin?done=revoked").then().statusCode(200)
                .body(containsString("Die Einladung ist widerrufen"))
                .extract().asString();
        assertTrue(card(page, id).contains("<dd class=\"status\">widerrufen</dd>"), card(page, id));
        given().get("/register?code=" + code).then().statusCode(409)
                .body(containsString("Diese Einladung wurde widerrufen."));
        given().contentType("application/json").body(registration(code, "x"))
                .post("/api/accounts").then().statusCode(409).body("field", equalTo("invitationCode"));
        Fixtures.admin().as().get("/api/audit").then().statusCode(200).body("action", hasItem("INVITATION_REVOKED"));
    }

    @Test
    void theApiRevokesForModeratorsOnly() {
        long id = invite(PageForms.signIn(Fixtures.moderator()), "2", null);
        given().delete("/api/invitations/" + id).then().statusCode(401);
        Fixtures.expert().as().delete("/api/invitations/" + id).then().statusCode(403);
        Fixtures.moderator().as().delete("/api/invitations/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", org.hamcrest.Matchers.notNullValue());
        Fixtures.admin().as().post("/api/invitations/" + id + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        Fixtures.moderator().as().delete("/api/invitations/999999999").then().statusCode(404)
                .contentType(containsString("problem+json"));
        given().get("/register?code=" + code(id)).then().statusCode(409);
    }

    private static long invite(String session, String maxUses, String note) {
        Response created = PageForms.open("/admin", session).post().formParam("maxUses", maxUses)
                .formParam("validDays", "7").formParam("note", note == null ? "" : note).post("/admin/invitations");
        created.then().statusCode(303);
        Matcher m = Pattern.compile("created=(\\d+)").matcher(created.header("Location"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static String code(long invitationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                org.thesenforum.account.Invitation.<org.thesenforum.account.Invitation>findById(invitationId).code);
    }

    private static String registration(String code, String suffix) {
        String unique = suffix + System.nanoTime();
        return "{\"invitationCode\":\"" + code + "\",\"displayName\":\"Eingeladen " + unique
                + "\",\"email\":\"eingeladen" + unique + "@example.org\",\"password\":\"" + Fixtures.PASSWORD + "\"}";
    }

    private static void register(String code, String suffix) {
        given().contentType("application/json").body(registration(code, suffix)).post("/api/accounts")
                .then().statusCode(201);
    }

    /** The list card of one invitation. */
    static String card(String page, long id) {
        int start = page.indexOf("id=\"invitation-" + id + "\"");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</li>", start));
    }

    // ------------------------------------------------------------------ paper import

    @Test
    void aPaperIsPreviewedAndThenImported() {
        int before = discussionCount();
        Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        String markdown = secondPaper();

        String preview = form.post().formParam("paper", markdown).post("/admin/papers/preview")
                .then().statusCode(200)
                .body(containsString("<h1>Vorschau: " + SECOND_TITLE + "</h1>"))
                .body(containsString("<code>/discussions/" + SECOND_SLUG + "</code>"))
                .body(containsString("15.4.2016"))
                .body(containsString("5 Thesen"))
                .body(containsString("3 Ansätze"))
                .body(containsString("4 Leitfragen"))
                .body(containsString("<li>Gemeinwesenarbeit (GWA)</li>"))
                .extract().asString();
        assertEquals(before, discussionCount(), "a preview stores nothing");
        assertEquals(5, count(preview, "<ol id=\"theses\">"));
        assertEquals(3, count(preview, "<ol id=\"approaches\">"));

        String carried = confirmedMarkdown(preview);
        form.post().formParam("paper", carried).post("/admin/papers/import")
                .then().statusCode(303).header("Location", endsWith("/discussions/" + SECOND_SLUG));

        assertEquals(before + 1, discussionCount());
        given().get("/api/discussions/" + SECOND_SLUG).then().statusCode(200)
                .body("title", equalTo(SECOND_TITLE));
        Fixtures.admin().as().get("/api/audit").then().statusCode(200).body("action", hasItem("PAPER_IMPORTED"));
    }

    @Test
    void aFileUploadLeadsToTheSamePreview() {
        Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        form.with().multiPart("csrf-token", form.token())
                .multiPart("file", "papier.md", secondPaper().getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/admin/papers/preview").then().statusCode(200)
                .body(containsString("<h1>Vorschau: " + SECOND_TITLE + "</h1>"))
                .body(containsString("5 Thesen"));
        form.with().multiPart("csrf-token", form.token())
                .multiPart("file", "papier.md", new byte[] {(byte) 0xC3, (byte) 0x28}, "text/markdown")
                .post("/admin/papers/preview").then().statusCode(422)
                .body(containsString("Die Datei fehlt oder ist nicht als UTF-8 gespeichert."));
    }

    @Test
    void aFileUploadWithoutCsrfTokenIsRefused() {
        Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        form.with().multiPart("file", "papier.md", secondPaper().getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/admin/papers/preview").then().statusCode(400);
        form.with().multiPart("csrf-token", "falsch")
                .multiPart("file", "papier.md", secondPaper().getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/admin/papers/preview").then().statusCode(400);
    }

    @Test
    void aMalformedPaperNamesTheLineAndImportsNothing() {
        int before = discussionCount();
        Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        String malformed = secondPaper().lines().filter(line -> !line.contains("Thesen"))
                .collect(Collectors.joining("\n"));

        form.post().formParam("paper", malformed).post("/admin/papers/preview").then().statusCode(422)
                .body(containsString("<p id=\"paper-error\" class=\"notice notice-error\" role=\"alert\">Zeile "))
                .body(containsString("aria-describedby=\"paper-error paper-hint\""))
                .body(containsString("# " + SECOND_TITLE));
        form.post().formParam("paper", malformed).post("/admin/papers/import").then().statusCode(422)
                .body(containsString("Zeile "));
        assertEquals(before, discussionCount());
    }

    @Test
    void theSamePaperCannotBeImportedTwice() {
        int before = discussionCount();
        Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        form.post().formParam("paper", shippedPaper()).post("/admin/papers/preview").then().statusCode(409)
                .body(containsString("Es gibt schon eine Diskussion „Ankommen im Gemeinwesen“"));
        form.post().formParam("paper", shippedPaper()).post("/admin/papers/import").then().statusCode(409);
        assertEquals(before, discussionCount());
    }

    @Test
    void theImportNeedsTheCsrfToken() {
        String admin = PageForms.signIn(Fixtures.admin());
        PageForms.browser(admin).contentType(PageForms.FORM_URLENCODED).formParam("paper", secondPaper())
                .post("/admin/papers/import").then().statusCode(400);
        assertEquals(false, given().get("/api/discussions").then().extract().jsonPath()
                .getList("slug").contains(SECOND_SLUG));
    }

    private static int discussionCount() {
        List<Object> all = given().get("/api/discussions").then().statusCode(200).extract().jsonPath().getList("$");
        return all.size();
    }

    private static String shippedPaper() {
        String name = "/paper/einladung-und-diskussionsgrundlage.md";
        try (InputStream in = AdminPagesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secondPaper() {
        return shippedPaper().replace("# Ankommen im Gemeinwesen", "# " + SECOND_TITLE);
    }

    /** The Markdown that the preview's confirm form would send, unescaped from its textarea. */
    private static String confirmedMarkdown(String preview) {
        Matcher m = Pattern.compile("<textarea id=\"paper\" name=\"paper\" rows=\"16\" readonly>\n(.*?)</textarea>",
                Pattern.DOTALL).matcher(preview);
        assertEquals(true, m.find(), preview);
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Number of list items in the first list that starts with the given tag. */
    private static int count(String html, String listStart) {
        String list = html.substring(html.indexOf(listStart));
        list = list.substring(0, list.indexOf("</ol>"));
        return list.split("<li>", -1).length - 1;
    }
}
