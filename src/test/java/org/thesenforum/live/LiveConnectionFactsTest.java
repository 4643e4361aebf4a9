package org.thesenforum.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.journal.ConnectionFacts;
import org.thesenforum.journal.ConnectionFacts.Connection;
import org.thesenforum.journal.Journal;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Clients acknowledge the seq they applied; the connection facts show who is connected, where, and how far. */
@QuarkusTest
class LiveConnectionFactsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ConnectionFacts facts;

    @Inject
    Journal journal;

    private long stream;

    @BeforeEach
    void findTheStream() {
        stream = journal.streamOf(Fixtures.SLUG).orElseThrow();
    }

    /** The connection that says it shows {@code topic}; topics are fresh per test, so it is the test's own. */
    private Optional<Connection> on(long topic) {
        return facts.connections(stream).stream().filter(c -> Long.valueOf(topic).equals(c.topicId())).findFirst();
    }

    private static long postAndAwait(long topic, List<LiveClient> clients) {
        long id = Fixtures.moderator().as().body(Map.of("body", "Zur Kenntnis"))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        long seq = 0;
        for (LiveClient client : clients) {
            seq = client.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                    && f.getJsonObject("data").getLong("id") == id).getLong("seq");
        }
        return seq;
    }

    private static void ack(LiveClient client, Object seq) {
        client.send(new JsonObject().put("type", "ack").put("seq", seq).encode());
    }

    @Test
    void twoClientsAcknowledgeAndTheFactsShowAccountTopicAndSeq() {
        long annasTopic = Fixtures.freshTopic();
        long readersTopic = Fixtures.freshTopic();
        User anna = Fixtures.expert();
        try (LiveClient member = LiveClient.connect(base, Fixtures.SLUG, "topic=" + annasTopic, anna.email(),
                Fixtures.PASSWORD);
                LiveClient reader = LiveClient.connect(base, Fixtures.SLUG, "topic=" + readersTopic, null, null)) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> on(annasTopic).isPresent() && on(readersTopic).isPresent());
            assertNull(on(annasTopic).get().acknowledgedSeq(), "nothing acknowledged yet");

            long seq = postAndAwait(annasTopic, List.of(member, reader));
            ack(member, seq);
            ack(reader, seq - 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(seq).equals(on(annasTopic).get()
                    .acknowledgedSeq()) && Long.valueOf(seq - 1).equals(on(readersTopic).get().acknowledgedSeq()));

            Connection annas = on(annasTopic).get();
            assertEquals(anna.id(), annas.accountId());
            assertFalse(annas.anonymous());
            Connection readers = on(readersTopic).get();
            assertTrue(readers.anonymous());
            assertNull(readers.accountId());
            assertFalse(annas.id().equals(readers.id()));

            // The reader moves to Anna's topic page and catches up.
            reader.send("{\"type\":\"viewing\",\"topicId\":" + annasTopic + "}");
            ack(reader, seq);
            await().atMost(Duration.ofSeconds(5)).until(() -> facts.connections(stream).stream()
                    .filter(c -> Long.valueOf(annasTopic).equals(c.topicId())
                            && Long.valueOf(seq).equals(c.acknowledgedSeq())).count() == 2);
            assertTrue(reader.ofType("error").isEmpty(), reader.ofType("error").toString());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> on(annasTopic).isEmpty());
    }

    @Test
    void badAcknowledgementsGetAnErrorFrameChangeNothingAndTheConnectionStays() {
        long topic = Fixtures.freshTopic();
        try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, "topic=" + topic, null, null)) {
            long seq = postAndAwait(topic, List.of(client));
            ack(client, seq);
            await().atMost(Duration.ofSeconds(5)).until(() -> on(topic).map(c -> c.acknowledgedSeq())
                    .filter(a -> a == seq).isPresent());

            ack(client, seq + 1);                       // more than it was sent
            ack(client, seq - 1);                       // backwards
            ack(client, -1);
            ack(client, String.valueOf(seq));           // not a number
            ack(client, 1.5);                           // not a whole number
            client.send("{\"type\":\"ack\"}");         // no seq at all
            await().atMost(Duration.ofSeconds(5)).failFast(client::isClosed)
                    .until(() -> client.ofType("error").size() == 6);
            client.ofType("error").forEach(e -> assertTrue(e.getString("message").startsWith("Bestätigung abgelehnt"),
                    e.encode()));

            ack(client, seq);                           // the same again is fine
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
            assertEquals(6, client.ofType("error").size());
            assertFalse(client.isClosed());
            assertEquals(seq, on(topic).get().acknowledgedSeq());
        }
    }

    @Test
    void aResumingClientMayAcknowledgeItsSinceAtOnceButNotMore() {
        long topic = Fixtures.freshTopic();
        long since = journal.latestSeq(stream);
        try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, "since=" + since + "&topic=" + topic, null,
                null)) {
            ack(client, since);
            ack(client, since + 1);
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
            // Answers go out in the order of the frames: by the pong, both acknowledgements have been answered.
            await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("error").size() == 1);
            assertEquals(since, on(topic).get().acknowledgedSeq());
        }
    }
}
