package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Comment changes reach the journal with their kind, and with the page element their fragment goes to. */
@QuarkusTest
class CommentJournalTest {

    @Inject
    Journal journal;

    private long stream() {
        return journal.streamOf(Fixtures.SLUG).orElseThrow();
    }

    private List<JournalEntry> entriesAfter(long since) {
        return QuarkusTransaction.requiringNew().call(() -> journal.after(stream(), since, 100));
    }

    private static long post(User author, long topic, String body, Long parentId) {
        Map<String, Object> request = parentId == null ? Map.of("body", body)
                : Map.of("body", body, "parentId", parentId);
        return author.as().body(request).post("/api/topics/" + topic + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static String topicPage(long topic) {
        return given().get("/topics/" + topic).then().statusCode(200).extract().asString();
    }

    @Test
    void aNewCommentIsAppendedToTheThreadAndAReplyToItsParentsReplies() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        long since = journal.latestSeq(stream());
        long root = post(moderator, topic, "Oben", null);
        long reply = post(moderator, topic, "Darunter", root);

        List<JournalEntry> entries = entriesAfter(since);
        assertEquals(List.of("comment.created comment " + root + " thread-" + topic + " append",
                "comment.created comment " + reply + " c" + root + "-replies append"),
                entries.stream().map(CommentJournalTest::describe).toList());
        String page = topicPage(topic);
        assertTrue(page.contains("id=\"thread-" + topic + "\""), "the thread list is a target on the page");
        assertTrue(page.contains("id=\"c" + root + "-replies\""), "so is a comment's replies list");
    }

    @Test
    void aCommentFrameCarriesItsSourceInDataAndTheRenderedTextOnlyInTheFragment() throws Exception {
        long topic = Fixtures.freshTopic();
        long since = journal.latestSeq(stream());
        long id = post(Fixtures.moderator(), topic, "Ganz *schlank* 4711", null);

        JournalEntry entry = entriesAfter(since).get(0);
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(entry.data);
        assertEquals(id, data.path("id").asLong());
        assertEquals("Ganz *schlank* 4711", data.path("body").asText(), "API clients keep the source text");
        assertFalse(data.has("bodyHtml"), "the rendered text is in the fragment, not a second time in data");
        assertTrue(entry.html.contains("<em>schlank</em>"), entry.html);
        assertEquals(1, entry.html.split("4711", -1).length - 1, "the fragment holds the text once");
    }

    @Test
    void aReplyBelowTheDeepestIndentationGoesToTheFlatListOfItsFourthLevelAncestor() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        Long parent = null;
        long fourthLevel = 0;
        for (int level = 1; level <= 5; level++) {
            parent = Fixtures.comment(topic, moderator, "Ebene " + level, parent);
            if (level == 4) {
                fourthLevel = parent;
            }
        }
        long since = journal.latestSeq(stream());
        long sixth = post(moderator, topic, "Ebene 6", parent);

        assertEquals(List.of("comment.created comment " + sixth + " c" + fourthLevel + "-replies append"),
                entriesAfter(since).stream().map(CommentJournalTest::describe).toList());
        assertTrue(topicPage(topic).contains("class=\"replies flat\" id=\"c" + fourthLevel + "-replies\""));
    }

    @Test
    void aChangedCommentReplacesItsElementAndHidingRedactsOnlyThatComment() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        User author = Fixtures.expert();
        long id = post(author, topic, "Später ausgeblendet 0815", null);
        long since = journal.latestSeq(stream());
        author.as().body(Map.of("body", "Bearbeitet 0815")).patch("/api/comments/" + id).then().statusCode(200);
        moderator.as().body(Map.of("reason", "Test")).post("/api/comments/" + id + "/hide").then().statusCode(200);
        moderator.as().post("/api/comments/" + id + "/unhide").then().statusCode(200);
        author.as().delete("/api/comments/" + id).then().statusCode(204);

        List<JournalEntry> entries = entriesAfter(since);
        assertEquals(List.of("comment.edited comment " + id + " c" + id + " replace",
                "comment.hidden comment " + id + " c" + id + " replace",
                "comment.unhidden comment " + id + " c" + id + " replace",
                "comment.deleted comment " + id + " c" + id + " replace"),
                entries.stream().map(CommentJournalTest::describe).toList());
        entries.forEach(e -> assertFalse(e.data.contains("0815") || e.html.contains("0815"), e.data));
        assertTrue(entries.get(0).moderatorData.contains("Bearbeitet 0815"), "moderators keep the original");
        assertTrue(topicPage(topic).contains("<li id=\"c" + id + "\""));
    }

    private static String describe(JournalEntry e) {
        return e.type + " " + e.entityKind + " " + e.entityId + " " + e.target + " " + e.swap;
    }
}
