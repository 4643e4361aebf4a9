package org.thesenforum.meeting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;

import static org.thesenforum.meeting.MeetingFixtures.START;
import static org.thesenforum.meeting.MeetingFixtures.agenda;
import static org.thesenforum.meeting.MeetingFixtures.item;

/** The focus reaches every live client as a log frame, is replayed on resume, and the reach reaches moderators. */
@QuarkusTest
class MeetingLiveTest {

    private static final String MEETING = MeetingFixtures.MEETING;

    @TestHTTPResource("/")
    URI base;

    @Inject
    MeetingReachNotices reachNotices;

    private User moderator;

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
        moderator = Fixtures.moderator();
    }

    private long agendaWithThesisOne() {
        return moderator.as().body(agenda(item("TOPIC", Fixtures.thesis(1), null, START, 30),
                item("FREE", null, "Mittagspause", START, 45))).put(MEETING + "/agenda").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    private void focus(long itemId) {
        moderator.as().body(Map.of("itemId", itemId)).put(MEETING + "/focus").then().statusCode(200);
    }

    private static JsonObject focusFrame(LiveClient client, long itemId) {
        return client.awaitFrame(f -> "meeting.focus".equals(f.getString("type"))
                && f.getJsonObject("data").getJsonObject("focus") != null
                && f.getJsonObject("data").getJsonObject("focus").getLong("id") == itemId);
    }

    @Test
    void focusIsPushedToEveryClientWithTheBanner() {
        long since = MeetingFixtures.latestSeq();
        try (LiveClient reader = LiveClient.connect(base, Fixtures.SLUG, "since=" + since, null, null);
                LiveClient expert = LiveClient.connect(base, Fixtures.SLUG, "since=" + since,
                        Fixtures.expert().email(), Fixtures.PASSWORD)) {
            long item = agendaWithThesisOne();
            focus(item);
            for (LiveClient client : List.of(reader, expert)) {
                JsonObject agendaFrame = client.awaitFrame(f -> "meeting.agenda".equals(f.getString("type")));
                assertEquals(2, agendaFrame.getJsonObject("data").getJsonArray("items").size());
                JsonObject frame = focusFrame(client, item);
                JsonObject focus = frame.getJsonObject("data").getJsonObject("focus");
                assertEquals("These 1", focus.getString("label"));
                assertEquals("/topics/" + Fixtures.thesis(1), focus.getString("href"));
                assertTrue(focus.getString("actualStart") != null && focus.getString("endsAt") != null);
                assertTrue(frame.getJsonObject("data").getString("serverTime") != null);
                assertTrue(frame.getString("html").contains("Jetzt: These 1 — "), frame.getString("html"));
                // No target: the banner's own script applies it, pages without a banner are not reloaded.
                assertEquals(null, frame.getString("target"));
                assertTrue(frame.getLong("seq") > agendaFrame.getLong("seq"));
            }
        }
    }

    @Test
    void focusIsReplayedOnResumeExactlyOnce() {
        long since = MeetingFixtures.latestSeq();
        long item = agendaWithThesisOne();
        focus(item);
        moderator.as().body("{\"itemId\": null}").put(MEETING + "/focus").then().statusCode(200);
        focus(item);
        long latest = MeetingFixtures.latestSeq();
        try (LiveClient back = LiveClient.connect(base, Fixtures.SLUG, "since=" + since, null, null)) {
            await().until(() -> back.frames.stream().anyMatch(f -> f.getLong("seq", 0L) == latest));
            List<String> types = back.frames.stream().filter(f -> f.getLong("seq", 0L) > since)
                    .map(f -> f.getString("type")).toList();
            assertEquals(List.of("meeting.agenda", "meeting.focus", "meeting.focus", "meeting.focus"), types);
            List<Long> seqs = back.frames.stream().filter(f -> f.getLong("seq", 0L) > since)
                    .map(f -> f.getLong("seq")).toList();
            assertEquals(seqs.stream().distinct().sorted().toList(), seqs);
            JsonObject last = back.frames.stream().filter(f -> f.getLong("seq", 0L) == latest).findFirst()
                    .orElseThrow();
            assertEquals(item, last.getJsonObject("data").getJsonObject("focus").getLong("id"));
        }
        // Resuming from the middle hands over only what came later.
        try (LiveClient middle = LiveClient.connect(base, Fixtures.SLUG, "since=" + (latest - 1), null, null)) {
            focusFrame(middle, item);
            assertEquals(1, middle.frames.stream().filter(f -> f.getLong("seq", 0L) > since).count());
        }
    }

    @Test
    void reachGoesToModeratorsOnly() {
        long since = MeetingFixtures.latestSeq();
        long item = agendaWithThesisOne();
        moderator.as().post(MEETING + "/start").then().statusCode(200);
        long latest = MeetingFixtures.latestSeq();
        try (LiveClient reader = LiveClient.connect(base, Fixtures.SLUG, "since=" + since, null, null);
                LiveClient mod = LiveClient.connect(base, Fixtures.SLUG, "since=" + latest, moderator.email(),
                        Fixtures.PASSWORD)) {
            await().until(() -> reader.frames.stream().anyMatch(f -> f.getLong("seq", 0L) == latest));
            reader.send(new JsonObject().put("type", "ack").put("seq", latest).encode());
            mod.send(new JsonObject().put("type", "ack").put("seq", latest).encode());
            long discussion = MeetingFixtures.discussionId();
            await().until(() -> {
                reachNotices.send(discussion);
                return mod.frames.stream().anyMatch(f -> "meeting.reach".equals(f.getString("type"))
                        && f.getJsonObject("data").getInteger("current") >= 2);
            });
            JsonObject reach = mod.frames.stream().filter(f -> "meeting.reach".equals(f.getString("type")))
                    .reduce((a, b) -> b).orElseThrow();
            assertTrue(reach.getJsonObject("data").getInteger("devices") >= 2);
            assertEquals(latest, reach.getJsonObject("data").getLong("latestSeq"));
            // A later log frame reaches the reader after every notice sent before it: none was for the reader.
            focus(item);
            focusFrame(reader, item);
            assertTrue(reader.frames.stream().noneMatch(f -> "meeting.reach".equals(f.getString("type"))));
        }
    }
}
