package org.thesenforum.discussion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.audit.AuditEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/**
 * Closing a discussion to new posts after its event: a read-only archive that moderators can reopen. Every test
 * leaves the shared discussion open again.
 */
@QuarkusTest
class DiscussionArchiveTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ARCHIVE = "/api/discussions/" + Fixtures.SLUG + "/archive";
    private static final String DEMANDS = "/api/discussions/" + Fixtures.SLUG + "/demands";

    private User moderator;
    private User expert;
    private long topic;

    @BeforeEach
    void people() {
        moderator = Fixtures.moderator();
        expert = Fixtures.expert();
        topic = Fixtures.freshTopic();
    }

    @AfterEach
    void reopen() {
        Fixtures.moderator().as().delete(ARCHIVE).then().statusCode(200).body("archived", equalTo(false));
    }

    private static long latestSeq() {
        return given().get("/api/discussions/" + Fixtures.SLUG).then().extract().jsonPath().getLong("lastEventSeq");
    }

    @Test
    void archivingRefusesEveryContributionWith409AndStoresNothing() {
        long own = Fixtures.comment(topic, expert, "Vor dem Abschluss geschrieben", null);
        long demand = expert.as().body(Map.of("title", "Räume", "text", "Jedes Quartier braucht Räume.",
                "topicIds", List.of(topic))).post(DEMANDS).then().statusCode(201).extract().jsonPath().getLong("id");

        moderator.as().put(ARCHIVE).then().statusCode(200).body("archived", equalTo(true));
        given().get("/api/topics/" + topic).then().statusCode(200).body("archived", equalTo(true))
                .body("locked", equalTo(false));

        long before = Fixtures.commentCount(topic);
        expert.as().header("Accept-Language", "de").body(Map.of("body", "Nach dem Abschluss"))
                .post("/api/topics/" + topic + "/comments").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("archiviert"));
        expert.as().header("Accept-Language", "en").body(Map.of("body", "Antwort", "parentId", own))
                .post("/api/topics/" + topic + "/comments").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("archived"));
        expert.as().body(Map.of("body", "Geändert")).patch("/api/comments/" + own).then().statusCode(409)
                .contentType(PROBLEM);
        assertEquals(before, Fixtures.commentCount(topic));
        assertTrue(Fixtures.commentExists(topic, "Vor dem Abschluss geschrieben"), "the comment is unchanged");

        expert.as().body(Map.of("title", "Neu", "text", "Zu spät.", "topicIds", List.of(topic))).post(DEMANDS)
                .then().statusCode(409).contentType(PROBLEM);
        expert.as().body(Map.of("title", "Anders")).patch("/api/demands/" + demand).then().statusCode(409);
        Fixtures.expert().as().put("/api/demands/" + demand + "/support").then().statusCode(409);
        Fixtures.expert().as().body(Map.of("position", "AGREE")).put("/api/demands/" + demand + "/vote").then()
                .statusCode(409);
        given().get("/api/demands/" + demand).then().statusCode(200).body("title", equalTo("Räume"))
                .body("supportCount", equalTo(0));
        given().get(DEMANDS).then().body("title", not(org.hamcrest.Matchers.hasItem("Neu")));
    }

    @Test
    void authorsMayStillDeleteTheirOwnCommentsAndModeratorsStillModerate() {
        long own = Fixtures.comment(topic, expert, "Bitte wieder entfernen", null);
        long other = Fixtures.comment(topic, Fixtures.expert(), "Unpassend", null);
        moderator.as().put(ARCHIVE).then().statusCode(200);

        expert.as().delete("/api/comments/" + own).then().statusCode(204);
        moderator.as().body(Map.of("reason", "Beleidigend")).post("/api/comments/" + other + "/hide").then()
                .statusCode(200);
    }

    @Test
    void reopeningAllowsWritingAgainAndBothAreAuditedOnce() {
        moderator.as().put(ARCHIVE).then().statusCode(200);
        moderator.as().put(ARCHIVE).then().statusCode(200).body("archived", equalTo(true));
        moderator.as().delete(ARCHIVE).then().statusCode(200).body("archived", equalTo(false));
        given().get("/api/topics/" + topic).then().body("archived", equalTo(false));
        expert.as().body(Map.of("body", "Wieder offen")).post("/api/topics/" + topic + "/comments").then()
                .statusCode(201);
        long archived = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .count("action = ?1 and actorId = ?2", "DISCUSSION_ARCHIVED", moderator.id()));
        long reopened = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .count("action = ?1 and actorId = ?2", "DISCUSSION_REOPENED", moderator.id()));
        assertEquals(1, archived, "archiving twice is recorded once");
        assertEquals(1, reopened);
    }

    @Test
    void onlyModeratorsArchiveAndAnUnknownDiscussionIs404() {
        given().put(ARCHIVE).then().statusCode(401);
        expert.as().put(ARCHIVE).then().statusCode(403);
        expert.as().delete(ARCHIVE).then().statusCode(403);
        moderator.as().header("Accept-Language", "de").put("/api/discussions/gibt-es-nicht/archive").then()
                .statusCode(404).contentType(PROBLEM);
        given().get("/api/discussions/" + Fixtures.SLUG).then().body("archived", equalTo(false));
    }

    @Test
    void everyTopicsStateIsJournalledSoOpenPagesFollow() {
        long since = latestSeq();
        int topics = given().get("/api/discussions/" + Fixtures.SLUG).then().extract().jsonPath()
                .getList("topics").size();
        moderator.as().put(ARCHIVE).then().statusCode(200);
        // Every test adds topics to the shared discussion: ask for more than the feed's default page of 100.
        given().queryParam("since", since).queryParam("limit", 1000)
                .get("/api/discussions/" + Fixtures.SLUG + "/changes").then()
                .statusCode(200)
                .body("$", hasSize(topics))
                .body("type", everyItem(equalTo("discussion.archived")))
                .body("data.archived", everyItem(equalTo(true)))
                .body("swap", everyItem(equalTo("replace")))
                .body("target", org.hamcrest.Matchers.hasItem("topic-status-" + topic))
                .body("html", everyItem(containsString("is-locked")))
                .body("html", everyItem(containsString("notice-archived")));
        long reopenedFrom = latestSeq();
        moderator.as().delete(ARCHIVE).then().statusCode(200);
        given().queryParam("since", reopenedFrom).queryParam("limit", 1000)
                .get("/api/discussions/" + Fixtures.SLUG + "/changes").then()
                .body("$", hasSize(topics))
                .body("type", everyItem(equalTo("discussion.reopened")))
                // Topics other tests locked stay locked: only the archive's notice is gone everywhere.
                .body("html", everyItem(not(containsString("notice-archived"))));
    }

    @Test
    void pagesSayItIsArchivedAndOfferNoWritingForms() {
        String session = PageForms.signIn(expert);
        long comment = Fixtures.comment(topic, Fixtures.expert(), "Ein Vorschlag steckt hierin", null);
        assertTrue(PageForms.browser(session).get("/topics/" + topic).asString().contains("demands?aus=" + comment),
                "an open discussion offers to propose a demand from the comment");
        moderator.as().put(ARCHIVE).then().statusCode(200);

        String topicPage = PageForms.browser(session).get("/topics/" + topic).then().statusCode(200).extract()
                .asString();
        assertTrue(topicPage.contains("Diese Diskussion ist abgeschlossen"), topicPage);
        assertTrue(topicPage.matches("(?s).*id=\"new-comment\"[^>]*hidden.*"), "the new-comment form is hidden");
        assertFalse(topicPage.contains("demands?aus=" + comment), "no proposal from a comment in the archive");
        String demandsPage = PageForms.browser(session).get("/discussions/" + Fixtures.SLUG + "/demands").then()
                .statusCode(200).extract().asString();
        assertTrue(demandsPage.contains("Diese Diskussion ist abgeschlossen"));
        assertFalse(demandsPage.contains("id=\"vorschlag\""), "no proposal form");
        String overview = PageForms.browser(session).get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().asString();
        assertTrue(overview.contains("Diese Diskussion ist abgeschlossen"));
        assertFalse(overview.contains("/archive\""), "experts get no archive form");
    }

    @Test
    void moderatorsCloseAndReopenFromTheOverviewForm() {
        String session = PageForms.signIn(moderator);
        String overview = "/discussions/" + Fixtures.SLUG;
        PageForms.Form form = PageForms.open(overview, session);
        assertTrue(PageForms.browser(session).get(overview).asString().contains("Diskussion abschließen"));
        form.post().post(overview + "/archive").then().statusCode(303)
                .header("Location", containsString(overview));
        given().get("/api/discussions/" + Fixtures.SLUG).then().body("archived", equalTo(true));
        PageForms.open(overview, session).post().post(overview + "/reopen").then().statusCode(303);
        given().get("/api/discussions/" + Fixtures.SLUG).then().body("archived", equalTo(false));

        String expertSession = PageForms.signIn(expert);
        PageForms.open(overview, expertSession).post().post(overview + "/archive").then().statusCode(403);
        given().get("/api/discussions/" + Fixtures.SLUG).then().body("archived", equalTo(false));
    }
}
