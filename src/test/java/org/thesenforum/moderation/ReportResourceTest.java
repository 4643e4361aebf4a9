package org.thesenforum.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.audit.AuditEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class ReportResourceTest {

    private long topic;
    private User author;
    private User reporter;
    private long comment;

    @BeforeEach
    void setUp() {
        topic = Fixtures.freshTopic();
        author = Fixtures.expert();
        reporter = Fixtures.expert();
        comment = Fixtures.comment(topic, author, "Ein fragwürdiger Beitrag", null);
    }

    private static String reports(long commentId) {
        return "/api/comments/" + commentId + "/reports";
    }

    private long report(User who, long commentId, String reason) {
        return who.as().body(Map.of("reason", reason)).post(reports(commentId)).then().statusCode(201)
                .body("kind", equalTo("REPORT")).body("status", equalTo("OPEN"))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void reportingNeedsAnAccount() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "Beleidigend")).post(reports(comment))
                .then().statusCode(401);
        assertEquals(0, openReportsOn(comment));
    }

    @Test
    void aReportNeedsAReasonOfAtMostAThousandCharacters() {
        for (String bad : List.of("", "   ", "x".repeat(1001), "Steuer\u0007zeichen")) {
            reporter.as().body(Map.of("reason", bad)).post(reports(comment)).then().statusCode(422)
                    .contentType("application/problem+json").body("field", equalTo("reason"));
        }
        reporter.as().body("{}").post(reports(comment)).then().statusCode(422).body("field", equalTo("reason"));
        reporter.as().body("{\"reason\": \"ok\", \"extra\": 1}").post(reports(comment)).then().statusCode(400);
        reporter.as().post(reports(comment)).then().statusCode(400);
        assertEquals(0, openReportsOn(comment), "nothing stored for a refused report");
        report(reporter, comment, "x".repeat(1000));
    }

    @Test
    void unknownOwnAndDuplicateReportsAreRefused() {
        reporter.as().body(Map.of("reason", "Gibt es nicht")).post(reports(999_999_999L)).then().statusCode(404);
        author.as().body(Map.of("reason", "Mein eigener")).post(reports(comment)).then().statusCode(403)
                .contentType("application/problem+json");
        report(reporter, comment, "Beleidigend");
        reporter.as().body(Map.of("reason", "Nochmal")).post(reports(comment)).then().statusCode(409);
        // Somebody else may report the same comment.
        report(Fixtures.expert(), comment, "Finde ich auch");
        assertEquals(2, openReportsOn(comment));
    }

    @Test
    void onePersonMayReportOnlySoManyTimesPerHour() {
        for (int i = 0; i < ReportService.MAX_PER_HOUR; i++) {
            report(reporter, Fixtures.comment(topic, author, "Beitrag " + i, null), "Grund " + i);
        }
        reporter.as().body(Map.of("reason", "Einer zu viel")).post(reports(comment)).then().statusCode(429)
                .header("Retry-After", equalTo("3600"));
    }

    @Test
    void theQueueIsForModeratorsOnly() {
        long id = report(reporter, comment, "Bitte ansehen");
        String queue = "/api/discussions/" + Fixtures.SLUG + "/reports";
        given().get(queue).then().statusCode(401);
        Fixtures.expert().as().get(queue).then().statusCode(403).contentType("application/problem+json");
        for (User moderator : List.of(Fixtures.moderator(), Fixtures.admin())) {
            moderator.as().get(queue).then().statusCode(200)
                    .body("find { it.id == " + id + " }.reason", equalTo("Bitte ansehen"))
                    .body("find { it.id == " + id + " }.itemText", equalTo("Ein fragwürdiger Beitrag"))
                    .body("find { it.id == " + id + " }.reporterName", not(nullValue()))
                    .body("find { it.id == " + id + " }.url", equalTo("/topics/" + topic + "#c" + comment));
        }
        Fixtures.moderator().as().get("/api/discussions/gibt-es-nicht/reports").then().statusCode(404);
    }

    @Test
    void hidingFromTheQueueHidesTheCommentAndSettlesEveryReportOfIt() {
        long first = report(reporter, comment, "Beleidigend");
        User second = Fixtures.expert();
        long other = report(second, comment, "Persönlicher Angriff");
        User moderator = Fixtures.moderator();
        String decision = "/api/reports/" + first + "/decision";

        given().contentType(ContentType.JSON).body(Map.of("action", "HIDE")).post(decision).then().statusCode(401);
        reporter.as().body(Map.of("action", "HIDE")).post(decision).then().statusCode(403);
        moderator.as().body(Map.of("action", "UNHIDE")).post(decision).then().statusCode(422)
                .body("field", equalTo("action")).body("detail", equalTo("Diese Entscheidung passt nicht zu dieser "
                        + "Meldung. Möglich sind: Ausblenden (HIDE), Meldung zurückweisen (DISMISS)."));
        moderator.as().body(Map.of("action", "NONSENSE")).post(decision).then().statusCode(400);
        moderator.as().body(Map.of("action", "HIDE")).post("/api/reports/999999999/decision").then().statusCode(404);

        moderator.as().body(Map.of("action", "HIDE")).post(decision).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("outcome", equalTo("HIDDEN")).body("itemHidden", is(true));
        given().get("/api/comments/" + comment).then().body("hidden", is(true)).body("body", nullValue());
        author.as().get("/api/comments/" + comment).then().body("hiddenReason", equalTo("Beleidigend"))
                .body("body", equalTo("Ein fragwürdiger Beitrag"));
        assertEquals(0, openReportsOn(comment), "the second report is settled too");
        assertEquals("HIDDEN", outcome(other));
        moderator.as().body(Map.of("action", "DISMISS")).post(decision).then().statusCode(409);
        assertEquals(1, audited("REPORT_HIDDEN", first));

        // The author hears it with the reason, both reporters hear the outcome, nobody else hears anything.
        assertEquals(List.of("COMMENT_HIDDEN"), kinds(author));
        assertTrue(texts(author).get(0).contains("Beleidigend"), texts(author).toString());
        assertEquals(List.of("REPORT_HANDLED"), kinds(reporter));
        assertTrue(texts(reporter).get(0).contains("ausgeblendet"), texts(reporter).toString());
        assertEquals(List.of("REPORT_HANDLED"), kinds(second));
        assertEquals(List.of(), kinds(Fixtures.expert()));
    }

    @Test
    void aDismissedReportLeavesTheCommentAlone() {
        long id = report(reporter, comment, "Gefällt mir nicht");
        Fixtures.admin().as().body(Map.of("action", "DISMISS")).post("/api/reports/" + id + "/decision").then()
                .statusCode(200).body("outcome", equalTo("DISMISSED"));
        given().get("/api/comments/" + comment).then().body("hidden", is(false));
        assertEquals(1, audited("REPORT_DISMISSED", id));
        assertEquals(List.of("REPORT_HANDLED"), kinds(reporter));
        assertTrue(texts(reporter).get(0).contains("lässt den Beitrag stehen"), texts(reporter).toString());
        assertEquals(List.of(), kinds(author), "the author never learns of a dismissed report");
    }

    @Test
    void theAuthorOfAHiddenCommentMayAskForAReview() {
        String reviews = "/api/comments/" + comment + "/review-requests";
        author.as().body(Map.of("reason", "Bitte nochmal ansehen")).post(reviews).then().statusCode(409);
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("reason", "Unsachlich")).post("/api/comments/" + comment + "/hide").then()
                .statusCode(200);

        reporter.as().body(Map.of("reason", "Fremder Beitrag")).post(reviews).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(reviews).then().statusCode(401);
        author.as().body(Map.of("reason", "")).post(reviews).then().statusCode(422).body("field", equalTo("reason"));
        long review = author.as().body(Map.of("reason", "Ich habe ihn überarbeitet")).post(reviews).then()
                .statusCode(201).body("kind", equalTo("REVIEW")).extract().jsonPath().getLong("id");
        author.as().body(Map.of("reason", "Nochmal")).post(reviews).then().statusCode(409);
        // A hidden comment cannot be reported any more.
        reporter.as().body(Map.of("reason", "Auch noch")).post(reports(comment)).then().statusCode(409);

        moderator.as().get("/api/discussions/" + Fixtures.SLUG + "/reports").then().statusCode(200)
                .body("id", hasItem((int) review));
        assertEquals(List.of("REVIEW_REQUESTED"), kinds(moderator), "moderators hear of the request");
        assertEquals(List.of("COMMENT_HIDDEN"), kinds(author));
        moderator.as().body(Map.of("action", "HIDE")).post("/api/reports/" + review + "/decision").then()
                .statusCode(422).body("field", equalTo("action"));
        moderator.as().body(Map.of("action", "UNHIDE")).post("/api/reports/" + review + "/decision").then()
                .statusCode(200).body("outcome", equalTo("UNHIDDEN"));
        given().get("/api/comments/" + comment).then().body("hidden", is(false))
                .body("body", equalTo("Ein fragwürdiger Beitrag"));
        assertEquals(List.of("REPORT_HANDLED", "COMMENT_HIDDEN"), kinds(author), "newest first");
        assertTrue(texts(author).get(0).contains("wieder für alle sichtbar"), texts(author).toString());
    }

    @Test
    void aReportedDemandIsRejectedWithTheReason() {
        long demand = author.as().body(Map.of("title", "Mehr Sprachkurse", "text", "Für alle, sofort.",
                "topicIds", List.of(topic))).post("/api/discussions/" + Fixtures.SLUG + "/demands").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String demandReports = "/api/demands/" + demand + "/reports";
        author.as().body(Map.of("reason", "Meine")).post(demandReports).then().statusCode(403);
        reporter.as().body(Map.of("reason", "Werbung")).post("/api/demands/999999999/reports").then()
                .statusCode(404);
        long id = reporter.as().body(Map.of("reason", "Werbung für eine Firma")).post(demandReports).then()
                .statusCode(201).body("target", equalTo("DEMAND")).extract().jsonPath().getLong("id");
        Fixtures.moderator().as().body(Map.of("action", "HIDE", "reason", "Werbung"))
                .post("/api/reports/" + id + "/decision").then().statusCode(200).body("outcome", equalTo("HIDDEN"));
        given().get("/api/demands/" + demand).then().statusCode(200).body("status", equalTo("REJECTED"));
        reporter.as().body(Map.of("reason", "Nochmal")).post(demandReports).then().statusCode(409);
    }

    private static List<String> kinds(User user) {
        return user.as().get("/api/me/notifications").then().statusCode(200).extract().jsonPath()
                .getList("notifications.kind", String.class);
    }

    private static List<String> texts(User user) {
        return user.as().get("/api/me/notifications").then().statusCode(200).extract().jsonPath()
                .getList("notifications.text", String.class);
    }

    static long openReportsOn(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> Report.count(
                "target = ?1 and targetId = ?2 and status = ?3", Report.Target.COMMENT, commentId,
                Report.Status.OPEN));
    }

    private static String outcome(long reportId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Report r = Report.findById(reportId);
            return r.outcome == null ? null : r.outcome.name();
        });
    }

    private static long audited(String action, long reportId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and targetType = 'report' and targetId = ?2", action, reportId));
    }
}
