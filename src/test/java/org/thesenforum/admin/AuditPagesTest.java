package org.thesenforum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditEntry;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.TemplateExtensions;

@QuarkusTest
class AuditPagesTest {

    @Inject
    AuditTexts texts;
    @Inject
    AuditLog audit;

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().redirects().follow(false).get("/admin/audit").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fadmin%2Faudit"));
        PageForms.browser(PageForms.signIn(Fixtures.expert())).get("/admin/audit").then().statusCode(403);
        PageForms.browser(PageForms.signIn(Fixtures.moderator())).get("/admin/audit").then().statusCode(403);
        Fixtures.moderator().as().get("/api/audit").then().statusCode(403);
        PageForms.browser(PageForms.signIn(Fixtures.admin())).get("/admin/audit").then().statusCode(200)
                .body(containsString("<h1>Protokoll</h1>"));
    }

    @Test
    void aHiddenCommentIsToldWithNamesTopicReasonAndLocalTime() {
        Fixtures.User author = Fixtures.expert();
        Fixtures.User moderator = Fixtures.moderator();
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, author, "Etwas Unfreundliches", null);
        moderator.as().body("{\"reason\":\"Bitte freundlich bleiben\"}").post("/api/comments/" + comment + "/hide")
                .then().statusCode(200);

        String page = adminPage("/admin/audit?person=" + moderator.id());
        String entry = onlyEntry(page);
        String moderatorName = name(moderator);
        String authorName = name(author);
        String topicLabel = QuarkusTransaction.requiringNew().call(() ->
                org.thesenforum.discussion.Topic.<org.thesenforum.discussion.Topic>findById(topic).label());
        assertTrue(entry.contains("<a href=\"/admin/audit?person=" + moderator.id() + "\">" + moderatorName
                + "</a> hat den Beitrag von " + authorName + " in <a href=\"/comments/" + comment + "\">"
                + topicLabel + "</a> ausgeblendet: Grund „Bitte freundlich bleiben“."), entry);
        Instant at = newestOf(moderator.id()).createdAt;
        assertTrue(entry.contains(">" + TemplateExtensions.shortDateTime(at) + "</time>"), entry);
    }

    @Test
    void aDecidedReportIsToldInWordsWithTheCommentItWasAbout() {
        Fixtures.User moderator = Fixtures.moderator();
        Fixtures.User author = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, author, "Ein gemeldeter Beitrag", null);
        long report = Long.parseLong(Fixtures.expert().as().body("{\"reason\":\"Unsachlich\"}")
                .post("/api/comments/" + comment + "/reports").then().statusCode(201).extract().path("id").toString());
        moderator.as().body("{\"action\":\"DISMISS\"}").post("/api/reports/" + report + "/decision").then()
                .statusCode(200);
        String entry = onlyEntry(adminPage("/admin/audit?person=" + moderator.id()));
        String topicLabel = QuarkusTransaction.requiringNew().call(() ->
                org.thesenforum.discussion.Topic.<org.thesenforum.discussion.Topic>findById(topic).label());
        assertTrue(entry.contains("</a> hat eine Meldung zu <a href=\"/comments/" + comment + "\">den Beitrag von "
                + name(author) + " in " + topicLabel + "</a> zurückgewiesen; der Inhalt bleibt sichtbar."), entry);
        assertTrue(!entry.contains("Verwaltungsaktion") && !entry.contains("comment " + comment), entry);
    }

    @Test
    void roleChangesDisablingAndLockingAreToldInWords() {
        Fixtures.User admin = Fixtures.admin();
        Fixtures.User expert = Fixtures.expert();
        admin.as().body("{\"role\":\"MODERATOR\"}").put("/api/accounts/" + expert.id() + "/role")
                .then().statusCode(200);
        admin.as().body("{\"enabled\":false}").put("/api/accounts/" + expert.id() + "/enabled")
                .then().statusCode(200);
        long topic = Fixtures.freshTopic();
        admin.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);

        String page = adminPage("/admin/audit?person=" + admin.id());
        String expertName = name(expert);
        assertTrue(page.contains("</a> hat <a href=\"/admin/accounts?q=" + expertName.replace(" ", "+") + "\">"
                + expertName + "</a> die Rolle „Moderation“ gegeben."), page);
        assertTrue(page.contains("</a> hat das Konto von <a href=\"/admin/accounts?q="
                + expertName.replace(" ", "+") + "\">" + expertName + "</a> deaktiviert."), page);
        assertTrue(page.matches("(?s).*</a> hat <a href=\"/topics/" + topic + "\">[^<]+</a> gesperrt\\..*"), page);
        String entries = onlyEntry(page);
        assertTrue(!entries.contains("ROLE_CHANGED") && !entries.contains("TOPIC_LOCKED"), "no codes in the log");
    }

    @Test
    void everyActionOfEveryFeatureHasItsOwnSentenceAndName() {
        Map<String, String> labels = texts.labels(List.of("ROLE_CHANGED", "ACCOUNT_ENABLED", "ACCOUNT_DISABLED",
                "ADMIN_CREATED", "INVITATION_CREATED", "INVITATION_REVOKED", "DISCUSSION_ARCHIVED",
                "DISCUSSION_REOPENED", "TOPIC_LOCKED", "TOPIC_UNLOCKED", "PAPER_IMPORTED", "COMMENT_HIDDEN",
                "COMMENT_UNHIDDEN", "DEMAND_PROPOSED", "DEMAND_EDITED", "DEMAND_SUPPORTED",
                "DEMAND_SUPPORT_WITHDRAWN", "DEMAND_POSITION", "DEMAND_OBJECTION_WITHDRAWN", "DEMAND_DISSENT_ADDED",
                "DEMAND_VOTING_OPENED", "DEMAND_VOTING_CLOSED", "DEMAND_PINNED", "DEMAND_UNPINNED",
                "DEMAND_PINS_REORDERED", "DEMAND_REJECTED", "DEMAND_MERGED", "EVENT_CREATED", "EVENT_EDITED",
                "EVENT_REGISTRATION_CLOSED", "EVENT_REGISTRATION_REOPENED", "EVENT_REGISTRATION_INVITED",
                "MEETING_AGENDA", "MEETING_FOCUS", "MEETING_STARTED", "MEETING_ENDED", "SITE_TEXT_CHANGED",
                "REPORT_HIDDEN", "REPORT_DISMISSED", "REPORT_UNHIDDEN", "REPORT_KEPT_HIDDEN"),
                Locale.GERMAN);
        List<AuditView> entries = new ArrayList<>();
        long id = 1;
        for (String action : labels.keySet()) {
            assertTrue(!labels.get(action).startsWith("Sonstiges"), action + " has a name: " + labels.get(action));
            entries.add(new AuditView(id++, Instant.now(), 7L, "Maria Muster", action, "x", 999_999_999L, "x"));
        }
        AuditView unknown = new AuditView(id, Instant.now(), 7L, "Maria Muster", "SOMETHING_NEW", null, null,
                "Einzelheit");
        entries.add(unknown);
        Map<Long, AuditSentence> sentences = QuarkusTransaction.requiringNew()
                .call(() -> texts.describe(entries, Locale.GERMAN));
        String generic = "Maria Muster hat eine Verwaltungsaktion ausgeführt: Einzelheit.";
        for (AuditView e : entries) {
            String sentence = sentences.get(e.id()).plain();
            if (e == unknown) {
                assertEquals(generic, sentence);
            } else {
                assertNotEquals(generic.replace(": Einzelheit", ": x"), sentence, e.action());
                assertTrue(sentence.contains("Maria Muster") || "ADMIN_CREATED".equals(e.action()), sentence);
            }
        }
        assertEquals("Sonstiges: something new", texts.labels(List.of("SOMETHING_NEW"), Locale.GERMAN)
                .get("SOMETHING_NEW"));
        assertEquals("Maria Muster hid the comment by (no longer there) in (no longer there): reason “x”.",
                QuarkusTransaction.requiringNew().call(() -> texts.describe(entries, Locale.ENGLISH))
                        .get(entries.stream().filter(e -> e.action().equals("COMMENT_HIDDEN")).findFirst()
                                .orElseThrow().id()).plain());
    }

    @Test
    void theLogFiltersByPersonAndActionAndHasPages() {
        Fixtures.User moderator = Fixtures.moderator();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < AuditPages.PAGE_SIZE + 2; i++) {
                audit.record(moderator.id(), i % 2 == 0 ? "TOPIC_LOCKED" : "TOPIC_UNLOCKED", "topic",
                        Fixtures.thesis(1), null);
            }
        });
        String first = adminPage("/admin/audit?person=" + moderator.id());
        assertTrue(first.contains((AuditPages.PAGE_SIZE + 2) + " Einträge."), first);
        assertEquals(AuditPages.PAGE_SIZE, count(first, "class=\"card admin-card\""));
        assertTrue(first.contains("Seite 1 von 2"), first);
        assertTrue(first.contains("<option value=\"" + moderator.id() + "\" selected>" + name(moderator)
                + "</option>"), first);
        assertTrue(first.contains("<option value=\"TOPIC_LOCKED\">Thema gesperrt</option>"), first);
        assertTrue(first.contains("href=\"/admin/audit?person=" + moderator.id() + "&amp;page=2\""), first);

        String second = adminPage("/admin/audit?person=" + moderator.id() + "&page=2");
        assertEquals(2, count(second, "class=\"card admin-card\""));
        assertTrue(second.contains("Seite 2 von 2"), second);

        String locked = adminPage("/admin/audit?person=" + moderator.id() + "&action=TOPIC_LOCKED");
        assertTrue(locked.contains((AuditPages.PAGE_SIZE / 2 + 1) + " Einträge."), locked);
        assertTrue(!locked.contains("wieder entsperrt"), "only locking is shown");
        assertTrue(locked.contains("<option value=\"TOPIC_LOCKED\" selected>Thema gesperrt</option>"), locked);

        String nobody = adminPage("/admin/audit?person=nobody&action=NOTHING&page=99");
        assertTrue(nobody.contains("<option value=\"\">alle Personen</option>"), "unknown filters show all");
    }

    @Test
    void theSystemsOwnEntriesAreNamedAsTheForum() {
        adminPage("/admin/audit?person=" + AuditLog.SYSTEM + "&action=ADMIN_CREATED");
        String page = adminPage("/admin/audit?person=0");
        assertTrue(page.contains("Beim Start hat das Forum das Admin-Konto"), page);
        assertTrue(page.contains("<option value=\"0\" selected>Das Forum</option>"), page);
    }

    @Test
    void namesAreEscapedInSentences() {
        Fixtures.User moderator = Fixtures.moderator();
        QuarkusTransaction.requiringNew().run(() ->
                Account.<Account>findById(moderator.id()).displayName = "<b>Fett</b> " + moderator.id());
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(moderator.id(), "COMMENT_UNHIDDEN", "comment", 1L, null));
        String page = adminPage("/admin/audit?person=" + moderator.id());
        assertTrue(page.contains("&lt;b&gt;Fett&lt;/b&gt;"), page);
        assertTrue(!page.contains("<b>Fett</b>"), page);
    }

    private static String adminPage(String path) {
        return PageForms.browser(PageForms.signIn(Fixtures.admin())).get(path).then().statusCode(200)
                .body(not(containsString("<code>"))).extract().asString();
    }

    private static String onlyEntry(String page) {
        int start = page.indexOf("<ol class=\"admin-cards audit-list\"");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</ol>", start));
    }

    private static AuditEntry newestOf(long actorId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "actorId = ?1 order by createdAt desc, id desc", actorId).firstResult());
    }

    static String name(Fixtures.User user) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(user.id()).displayName);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
