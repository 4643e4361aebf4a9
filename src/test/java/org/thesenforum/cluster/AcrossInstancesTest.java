package org.thesenforum.cluster;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.journal.ConnectionFacts;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.OtherInstance;
import org.thesenforum.testing.PageForms;

/**
 * What another instance on the same PostgreSQL database does reaches this one: its log entries, its connections, the
 * sessions it ended and the personal notices it sent. The other instance is played by {@link OtherInstance}, which
 * writes and rings as a second process would. On H2 (one instance only) these tests are skipped.
 */
@QuarkusTest
class AcrossInstancesTest {

    private static final int SESSION_ENDED = 4401;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Cluster cluster;

    @Inject
    DataSource dataSource;

    @Inject
    ClusterJobs jobs;

    @Inject
    ConnectionFacts facts;

    private OtherInstance other;
    private long discussion;

    @BeforeEach
    void onSharedDatabaseOnly() {
        Assumptions.assumeTrue(cluster.shared(), "several instances need PostgreSQL");
        other = new OtherInstance(dataSource);
        discussion = other.discussionId(Fixtures.SLUG);
    }

    private long latestSeq() {
        return other.number("SELECT last_event_seq FROM discussions WHERE id = ?", discussion);
    }

    private static long count(LiveClient client, long seq) {
        return client.events().stream().filter(f -> f.getLong("seq") == seq).count();
    }

    @Test
    void anEntryAnotherInstanceLoggedReachesTheClientsHereOnceWithItsSeq() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(), null)) {
            String nonce = "elsewhere-" + System.nanoTime();
            long seq = other.append(discussion, "test.elsewhere", "{\"nonce\":\"" + nonce + "\"}");
            other.ring("journal " + discussion + " " + seq);
            JsonObject frame = client.awaitFrame(f -> f.getLong("seq") != null && f.getLong("seq") == seq);
            assertEquals("test.elsewhere", frame.getString("type"));
            assertEquals(nonce, frame.getJsonObject("data").getString("nonce"));
            // The backstop reads the log again every second: still once.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> count(client, seq) == 1);
        }
    }

    @Test
    void anEntryWhoseDoorbellWasLostArrivesByTheBackstopInOrder() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(), null)) {
            long first = other.append(discussion, "test.elsewhere", "{\"n\":1}");
            long second = other.append(discussion, "test.elsewhere", "{\"n\":2}");
            await().atMost(Duration.ofSeconds(5)).until(() -> count(client, second) == 1);
            List<Long> seqs = client.events().stream().map(f -> f.getLong("seq")).toList();
            assertEquals(List.of(first, second), seqs);
        }
    }

    @Test
    void presenceSumsTheConnectionsOfEveryRunningInstance() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, null)) {
            client.awaitFrame(f -> "presence".equals(f.getString("type")));
            int here = lastOnline(client);
            try {
                other.execute("INSERT INTO cluster_instances (id, started_at, seen_at, key_fingerprints, "
                        + "generated_keys) VALUES (?, now(), now(), '', '')", OtherInstance.ID);
                other.execute("INSERT INTO cluster_presence (instance_id, discussion_id, topic_id, account_id, "
                        + "connections) VALUES (?, ?, 0, 0, 3)", OtherInstance.ID, discussion);
                other.ring("presence " + discussion);
                client.awaitFrame(f -> "presence".equals(f.getString("type")) && f.getInteger("online") == here + 3);
            } finally {
                other.execute("DELETE FROM cluster_presence WHERE instance_id = ?", OtherInstance.ID);
                other.execute("DELETE FROM cluster_instances WHERE id = ?", OtherInstance.ID);
            }
            other.ring("presence " + discussion);
            await().atMost(Duration.ofSeconds(10)).until(() -> lastOnline(client) == here);
        }
    }

    private static int lastOnline(LiveClient client) {
        List<JsonObject> presence = client.ofType("presence");
        return presence.get(presence.size() - 1).getInteger("online");
    }

    @Test
    void anInstanceNotSeenForTheTimeoutNoLongerCounts() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, null)) {
            try {
                other.execute("INSERT INTO cluster_instances (id, started_at, seen_at, key_fingerprints, "
                        + "generated_keys) VALUES (?, now(), now() - interval '1 hour', '', '')", OtherInstance.ID);
                other.execute("INSERT INTO cluster_presence (instance_id, discussion_id, topic_id, account_id, "
                        + "connections) VALUES (?, ?, 0, 0, 5)", OtherInstance.ID, discussion);
                other.ring("presence " + discussion);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> client
                        .ofType("presence").stream().noneMatch(f -> f.getInteger("online") >= 5));
                // The next heartbeat of this instance removes the gone instance and its rows.
                await().atMost(Duration.ofSeconds(15)).until(() -> other.number(
                        "SELECT COUNT(*) FROM cluster_presence WHERE instance_id = ?", OtherInstance.ID) == 0);
            } finally {
                other.execute("DELETE FROM cluster_presence WHERE instance_id = ?", OtherInstance.ID);
                other.execute("DELETE FROM cluster_instances WHERE id = ?", OtherInstance.ID);
            }
        }
    }

    private static final String REACH = "/api/discussions/" + Fixtures.SLUG + "/meeting/reach";

    private static JsonObject reach(User moderator) {
        return new JsonObject(moderator.as().get(REACH).then().statusCode(200).extract().asString());
    }

    @Test
    void theMeetingsReachCountsTheDevicesOfEveryRunningInstance() {
        User moderator = Fixtures.moderator();
        long latest = latestSeq();
        JsonObject before = reach(moderator);
        try {
            other.execute("INSERT INTO cluster_instances (id, started_at, seen_at, key_fingerprints, "
                    + "generated_keys) VALUES (?, now(), now(), '', '')", OtherInstance.ID);
            // Elsewhere: two devices have applied the newest change, one has acknowledged nothing yet.
            other.execute("INSERT INTO cluster_acknowledged (instance_id, discussion_id, acknowledged_seq, "
                    + "connections) VALUES (?, ?, ?, 2), (?, ?, -1, 1)", OtherInstance.ID, discussion, latest,
                    OtherInstance.ID, discussion);
            JsonObject after = reach(moderator);
            assertEquals(before.getInteger("devices") + 3, after.getInteger("devices"));
            assertEquals(before.getInteger("current") + 2, after.getInteger("current"));
            assertEquals(before.getInteger("behind") + 1, after.getInteger("behind"));
            assertEquals(latest, after.getLong("latestSeq"));
            // An instance not seen for the timeout no longer counts.
            other.execute("UPDATE cluster_instances SET seen_at = now() - interval '1 hour' WHERE id = ?",
                    OtherInstance.ID);
            assertEquals(before.getInteger("devices"), reach(moderator).getInteger("devices"));
        } finally {
            other.execute("DELETE FROM cluster_acknowledged WHERE instance_id = ?", OtherInstance.ID);
            other.execute("DELETE FROM cluster_instances WHERE id = ?", OtherInstance.ID);
        }
    }

    private long acknowledgedHere(long seq) {
        return other.number("SELECT COALESCE(SUM(connections), 0) FROM cluster_acknowledged WHERE instance_id = ? "
                + "AND discussion_id = ? AND acknowledged_seq = ?", cluster.instanceId(), discussion, seq);
    }

    /** This instance's connections to the discussion that acknowledged {@code seq} (null: nothing yet). */
    private long here(Long seq) {
        return facts.connections(discussion).stream().filter(c -> Objects.equals(c.acknowledgedSeq(), seq)).count();
    }

    /** What this instance published matches its connections. */
    private boolean publishedAsHere(long seq) {
        return acknowledgedHere(seq) == here(seq < 0 ? null : seq);
    }

    @Test
    void thisInstanceTellsTheOthersHowFarItsDevicesAre() {
        long latest = latestSeq();
        long[] withIt = new long[1];
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latest, null)) {
            // The new connection has acknowledged nothing yet.
            await().atMost(Duration.ofSeconds(5)).until(() -> here(null) >= 1 && publishedAsHere(-1));
            long nothingYet = here(null);
            client.send(new JsonObject().put("type", "ack").put("seq", latest).encode());
            await().atMost(Duration.ofSeconds(5)).until(() -> here(null) == nothingYet - 1 && here(latest) >= 1
                    && publishedAsHere(-1) && publishedAsHere(latest));
            withIt[0] = acknowledgedHere(latest);
        }
        // Gone: no longer counted, here nor in what the others read.
        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledgedHere(latest) == withIt[0] - 1
                && publishedAsHere(latest));
    }

    @Test
    void aSessionEndedOnAnotherInstanceClosesItsSocketsHere() {
        User user = Fixtures.expert();
        String cookie = PageForms.signIn(user);
        long sessionId = other.number("SELECT MAX(id) FROM device_sessions WHERE account_id = ?", user.id());
        try (LiveClient socket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, cookie)) {
            other.execute("DELETE FROM device_sessions WHERE id = ?", sessionId);
            other.ring("session " + user.id() + " " + sessionId);
            assertEquals(SESSION_ENDED, socket.awaitClose());
        }
        // The cookie no longer signs in here either: the session is gone from the database.
        RestAssured.given().cookie("tf_session", cookie).get("/api/me").then().statusCode(401);
    }

    @Test
    void everySessionOfAnAccountEndedElsewhereClosesScriptSocketsToo() {
        User user = Fixtures.expert();
        try (LiveClient script = LiveClient.connect(base, Fixtures.SLUG, null, user.email(), Fixtures.PASSWORD)) {
            other.ring("session " + user.id() + " all");
            assertEquals(SESSION_ENDED, script.awaitClose());
        }
    }

    @Test
    void aPersonalNoticeSentOnAnotherInstanceReachesThatPersonOnly() {
        User addressee = Fixtures.expert();
        User bystander = Fixtures.expert();
        try (LiveClient mine = LiveClient.connect(base, Fixtures.SLUG, null, addressee.email(), Fixtures.PASSWORD);
                LiveClient theirs = LiveClient.connect(base, Fixtures.SLUG, null, bystander.email(),
                        Fixtures.PASSWORD)) {
            other.ring("notice " + addressee.id() + " {\"type\":\"notification.read\",\"data\":{\"unread\":7}}");
            JsonObject notice = mine.awaitFrame(f -> "notification.read".equals(f.getString("type")));
            assertEquals(7, notice.getJsonObject("data").getInteger("unread"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> theirs.ofType("notification.read").isEmpty());
        }
    }

    @Test
    void malformedRingsAreIgnoredAndTheDoorbellKeepsWorking() {
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(), null)) {
            other.ring("journal x y", "session", "presence abc", "notice 12", "nonsense", "journal 1");
            long seq = other.append(discussion, "test.elsewhere", "{\"after\":true}");
            other.ring("journal " + discussion + " " + seq);
            client.awaitFrame(f -> f.getLong("seq") != null && f.getLong("seq") == seq);
        }
    }

    @Test
    void readinessReportsTheLagAndTheDoorbell() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("live-log"))
                .body("checks.find { it.name == 'live-log' }.data.instance", org.hamcrest.Matchers.equalTo(
                        cluster.instanceId()))
                .body("checks.find { it.name == 'live-log' }.data.doorbellListening", org.hamcrest.Matchers.is(true));
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("thesenforum_live_lag_entries"))
                .body(containsString("thesenforum_live_lag_seconds"))
                .body(containsString("thesenforum_doorbell_connected 1.0"));
    }

    @Test
    void aJobRunsOncePerPeriodOnTheWholeForum() {
        String name = "test-job-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        assertTrue(jobs.runOnce(name, Duration.ofHours(1), runs::incrementAndGet));
        // Another instance's timer, a moment later: the period's run has happened.
        assertFalse(jobs.runOnce(name, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
        // A period long past: it runs again.
        other.execute("UPDATE cluster_jobs SET last_run_at = now() - interval '2 hours' WHERE name = ?", name);
        assertTrue(jobs.runOnce(name, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(2, runs.get());
    }

    @Test
    void aJobRunningOnAnotherInstanceIsNotStartedHere() throws Exception {
        String name = "test-job-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        try (Connection elsewhere = dataSource.getConnection();
                PreparedStatement lock = elsewhere.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, ClusterJobs.lockKey(name));
            lock.execute();
            assertFalse(jobs.runOnce(name, Duration.ofHours(1), runs::incrementAndGet));
            try (PreparedStatement unlock = elsewhere.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, ClusterJobs.lockKey(name));
                unlock.execute();
            }
        }
        assertEquals(0, runs.get());
        assertTrue(jobs.runOnce(name, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }
}
