package org.thesenforum.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.LiveClient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(LiveHeartbeatTest.FastHeartbeat.class)
class LiveHeartbeatTest {

    /** Heartbeats every second, so a few seconds cover several of them. */
    public static class FastHeartbeat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.live.heartbeat", "1s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aQuietButAnsweringClientStaysConnectedAndGetsHeartbeatsWithTheLatestSeq() {
        try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, null, null, null)) {
            // The client sends nothing itself; it only answers the server's pings, as browsers do.
            await().atMost(Duration.ofSeconds(10)).until(() -> client.ofType("heartbeat").size() >= 5);
            assertFalse(client.isClosed(), "a client that answers pings is not dropped");
            long latest = given().get("/api/discussions/" + Fixtures.SLUG).then().extract().jsonPath()
                    .getLong("lastEventSeq");
            await().atMost(Duration.ofSeconds(3)).until(() -> client.ofType("heartbeat").stream()
                    .anyMatch(f -> f.getLong("seq") == latest));
        }
    }

    @Test
    void aHandshakeFromAnotherSiteIsRefused() {
        org.junit.jupiter.api.Assertions.assertEquals(403,
                LiveClient.refusedHandshake(Fixtures.SLUG, "Origin", "https://evil.example"));
    }

    @Test
    void aSocketWhoseSessionRunsOutClosesWith4401() {
        Fixtures.User user = Fixtures.moderator();
        String session = org.thesenforum.testing.PageForms.signIn(user);
        // The session has two seconds left when the socket opens; heartbeats check it every second.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.thesenforum.account.DeviceSession
                .update("expiresAt = ?1 where account.id = ?2", java.time.Instant.now().plusSeconds(2), user.id()));
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, session)) {
            org.junit.jupiter.api.Assertions.assertEquals(4401, client.awaitClose());
        }
    }
}
