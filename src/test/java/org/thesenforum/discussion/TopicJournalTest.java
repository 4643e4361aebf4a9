package org.thesenforum.discussion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Locking and unlocking reach the journal as topic entries whose state element (for readers, and for moderators with the lock form) replaces the one on the page. */
@QuarkusTest
class TopicJournalTest {

    @Inject
    Journal journal;

    @Test
    void lockAndUnlockReplaceTheTopicStatusOnThePage() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        long stream = journal.streamOf(Fixtures.SLUG).orElseThrow();
        long since = journal.latestSeq(stream);
        String target = "topic-status-" + topic;
        assertTrue(page(topic).contains("id=\"" + target + "\""), "an open topic's page has the status element too");

        moderator.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        assertTrue(page(topic).contains("id=\"" + target + "\""));
        moderator.as().post("/api/topics/" + topic + "/unlock").then().statusCode(200);

        List<JournalEntry> entries = QuarkusTransaction.requiringNew().call(() -> journal.after(stream, since, 10));
        assertEquals(2, entries.size());
        for (JournalEntry e : entries) {
            assertEquals("topic", e.entityKind);
            assertEquals(topic, e.entityId);
            assertEquals(target, e.target);
            assertEquals("replace", e.swap);
            assertTrue(e.html.contains("id=\"" + target + "\""), "the fragment keeps the id it replaces: " + e.html);
        }
        assertEquals(List.of("topic.locked", "topic.unlocked"), entries.stream().map(e -> e.type).toList());
        JournalEntry locked = entries.get(0);
        JournalEntry unlocked = entries.get(1);
        assertTrue(locked.html.contains("notice-locked") && locked.html.contains("badge-locked"), locked.html);
        assertFalse(unlocked.html.contains("notice-locked") || unlocked.html.contains("badge-locked"), unlocked.html);
        assertTrue(unlocked.html.contains("data-live-announce=\"Dieses Thema ist wieder offen"), unlocked.html);
        // Readers get no moderation form; moderators get the one that undoes the change, with the same state.
        assertFalse(locked.html.contains("<form"), locked.html);
        assertTrue(locked.moderatorHtml.contains("action=\"/topics/" + topic + "/unlock\""), locked.moderatorHtml);
        assertTrue(unlocked.moderatorHtml.contains("action=\"/topics/" + topic + "/lock\""), unlocked.moderatorHtml);
        assertTrue(locked.moderatorHtml.contains("id=\"" + target + "\""), locked.moderatorHtml);
    }

    private static String page(long topic) {
        return given().get("/topics/" + topic).then().statusCode(200).extract().asString();
    }
}
