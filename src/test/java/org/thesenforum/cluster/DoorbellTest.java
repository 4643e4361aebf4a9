package org.thesenforum.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.OtherInstance;
import org.thesenforum.testing.PageForms;

/**
 * The doorbell alone, with the backstop read as good as switched off (once an hour): a ring brings another
 * instance's entries at once, an entry without a ring stays unseen, and a listening connection killed on the server
 * reconnects and catches up with everything it missed. PostgreSQL only.
 */
@QuarkusTest
@TestProfile(DoorbellTest.NoBackstop.class)
class DoorbellTest {

    public static class NoBackstop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.cluster.backstop", "1h", "forum.live.heartbeat", "1h");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Cluster cluster;

    @Inject
    Doorbell doorbell;

    @Inject
    DataSource dataSource;

    private OtherInstance other;
    private long discussion;

    @BeforeEach
    void onSharedDatabaseOnly() {
        Assumptions.assumeTrue(cluster.shared(), "the doorbell needs PostgreSQL");
        other = new OtherInstance(dataSource);
        discussion = other.discussionId(Fixtures.SLUG);
        await().atMost(Duration.ofSeconds(10)).until(doorbell::connected);
    }

    private long latestSeq() {
        return other.number("SELECT last_event_seq FROM discussions WHERE id = ?", discussion);
    }

    private static boolean has(LiveClient client, long seq) {
        return client.events().stream().anyMatch(f -> f.getLong("seq") == seq);
    }

    @Test
    void withoutARingAnEntryWaitsAndTheRingBringsIt() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(), null)) {
            long seq = other.append(discussion, "test.elsewhere", "{\"rung\":false}");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !has(client, seq));
            other.ring("journal " + discussion + " " + seq);
            await().atMost(Duration.ofSeconds(2)).until(() -> has(client, seq));
        }
    }

    @Test
    void thisInstancesOwnRingsAreSentAfterCommit() {
        long sentBefore = doorbell.sent();
        long topic = Fixtures.freshTopic();
        Fixtures.expert().as().body(Map.of("body", "Geklingelt")).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> doorbell.sent() > sentBefore);
    }

    @Test
    void aListeningConnectionKilledOnTheServerReconnectsAndCatchesUp() {
        User user = Fixtures.expert();
        String cookie = PageForms.signIn(user);
        long sessionId = other.number("SELECT MAX(id) FROM device_sessions WHERE account_id = ?", user.id());
        try (LiveClient reader = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(), null);
                LiveClient signedIn = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, cookie)) {
            // While the doorbell is down, the other instance logs two entries and ends a session, rings lost.
            long first = other.append(discussion, "test.elsewhere", "{\"missed\":1}");
            long second = other.append(discussion, "test.elsewhere", "{\"missed\":2}");
            other.execute("DELETE FROM device_sessions WHERE id = ?", sessionId);
            long connects = doorbell.connects();
            long killed = other.number("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = ?", "thesenforum-doorbell-" + cluster.instanceId());
            assertEquals(1, killed);
            await().atMost(Duration.ofSeconds(10)).until(() -> doorbell.connects() > connects && doorbell.connected());
            await().atMost(Duration.ofSeconds(5)).until(() -> has(reader, second));
            assertEquals(List.of(first, second), reader.events().stream().map(f -> f.getLong("seq")).toList());
            assertEquals(4401, signedIn.awaitClose());
        }
    }
}
