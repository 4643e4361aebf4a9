package org.thesenforum.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.PageForms;

/** Ending a session reaches the sockets opened with it: they receive nothing more and close with 4401. */
@QuarkusTest
class LiveRevocationTest {

    private static final int SESSION_ENDED = 4401;

    @TestHTTPResource("/")
    URI base;

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Where a witness starts: the seq before the change it waits for. Replaying the suite's whole journal from 0 can
     * exceed a connection's queue, which rightly drops it as too slow.
     */
    private static long latestSeq() {
        return io.restassured.RestAssured.given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().jsonPath().getLong("lastEventSeq");
    }

    private static boolean anyFrameContains(LiveClient client, String text) {
        return client.frames.stream().map(JsonObject::encode).anyMatch(f -> f.contains(text));
    }

    @Test
    void aDemotedModeratorsSocketNoLongerCarriesHiddenText() {
        long topic = Fixtures.freshTopic();
        User demoted = Fixtures.moderator();
        User other = Fixtures.moderator();
        String secret = "Nur für die Moderation " + System.nanoTime();
        long comment = post(Fixtures.expert(), topic, secret);
        try (LiveClient browser = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, PageForms.signIn(demoted));
                LiveClient script = LiveClient.connect(base, Fixtures.SLUG, null, demoted.email(), Fixtures.PASSWORD)) {
            // Both see the moderator variant while they moderate.
            other.as().body(Map.of("reason", "Test")).post("/api/comments/" + comment + "/hide").then().statusCode(200);
            browser.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
            script.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
            other.as().post("/api/comments/" + comment + "/unhide").then().statusCode(200);

            Fixtures.admin().as().body("{\"role\":\"EXPERT\"}").put("/api/accounts/" + demoted.id() + "/role")
                    .then().statusCode(200);
            assertEquals(SESSION_ENDED, browser.awaitClose());
            assertEquals(SESSION_ENDED, script.awaitClose());
            int before = browser.frames.size() + script.frames.size();

            String later = "Später ausgeblendet " + System.nanoTime();
            long since = latestSeq();
            long second = post(Fixtures.expert(), topic, later);
            other.as().body(Map.of("reason", "Test")).post("/api/comments/" + second + "/hide").then().statusCode(200);
            // A fresh reader sees the hide arrive, so the demoted sockets would have had it by now too.
            try (LiveClient witness = LiveClient.connect(base, Fixtures.SLUG, "since=" + since, other.email(),
                    Fixtures.PASSWORD)) {
                witness.awaitFrame(f -> "comment.hidden".equals(f.getString("type"))
                        && f.getJsonObject("data").getLong("id") == second);
            }
            assertEquals(before, browser.frames.size() + script.frames.size());
            assertFalse(anyFrameContains(browser, later));
            assertFalse(anyFrameContains(script, later));
        }
    }

    @Test
    void aDisabledAccountsSocketClosesAndReceivesNothingMore() {
        long topic = Fixtures.freshTopic();
        User user = Fixtures.expert();
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, PageForms.signIn(user))) {
            post(Fixtures.moderator(), topic, "Vorher");
            client.awaitFrame(f -> "comment.created".equals(f.getString("type")));

            Fixtures.admin().as().body("{\"enabled\":false}").put("/api/accounts/" + user.id() + "/enabled")
                    .then().statusCode(200);
            assertEquals(SESSION_ENDED, client.awaitClose());
            int before = client.frames.size();
            String after = "Nachher " + System.nanoTime();
            long since = latestSeq();
            post(Fixtures.moderator(), topic, after);
            try (LiveClient witness = LiveClient.connect(base, Fixtures.SLUG, "since=" + since, null, null)) {
                witness.awaitFrame(f -> f.encode().contains(after));
            }
            assertEquals(before, client.frames.size());
        }
    }

    @Test
    void revokingAnApiTokenClosesTheSocketsOpenedWithItOnly() {
        long topic = Fixtures.freshTopic();
        User user = Fixtures.expert();
        String revoked = token(user, "Widerrufen");
        String kept = token(user, "Behalten");
        try (LiveClient revokedSocket = LiveClient.open(base, Fixtures.SLUG, null,
                c -> c.addHeader("Authorization", "Bearer " + revoked));
                LiveClient keptSocket = LiveClient.open(base, Fixtures.SLUG, null,
                        c -> c.addHeader("Authorization", "Bearer " + kept))) {
            long id = user.as().get("/api/me/tokens").jsonPath().getLong("find { it.name == 'Widerrufen' }.id");
            user.as().delete("/api/me/tokens/" + id).then().statusCode(204);
            assertEquals(SESSION_ENDED, revokedSocket.awaitClose());

            String text = "Für den anderen Schlüssel " + System.nanoTime();
            post(Fixtures.moderator(), topic, text);
            keptSocket.awaitFrame(f -> f.encode().contains(text));
            assertNull(keptSocket.closeCode());
            assertFalse(anyFrameContains(revokedSocket, text));
        }
    }

    private static String token(User user, String name) {
        return user.as().body(Map.of("name", name)).post("/api/me/tokens").then().statusCode(201).extract()
                .path("token");
    }

    @Test
    void loggingOutClosesThisDevicesSocketOnly() {
        long topic = Fixtures.freshTopic();
        User user = Fixtures.expert();
        String office = PageForms.signIn(user);
        String phone = PageForms.signIn(user);
        try (LiveClient officeSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, office);
                LiveClient phoneSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, phone);
                LiveClient anonymous = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, null)) {
            PageForms.open("/", office).post().post("/logout").then().statusCode(303);
            assertEquals(SESSION_ENDED, officeSocket.awaitClose());

            String text = "Für das Telefon " + System.nanoTime();
            post(Fixtures.moderator(), topic, text);
            phoneSocket.awaitFrame(f -> f.encode().contains(text));
            anonymous.awaitFrame(f -> f.encode().contains(text));
            assertNull(phoneSocket.closeCode());
            assertFalse(anyFrameContains(officeSocket, text));
        }
    }

    @Test
    void signingOutEverywhereClosesEverySocketOfTheAccount() {
        User user = Fixtures.expert();
        String office = PageForms.signIn(user);
        String phone = PageForms.signIn(user);
        try (LiveClient officeSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, office);
                LiveClient phoneSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, phone);
                LiveClient other = LiveClient.connectWithCookie(base, Fixtures.SLUG, null,
                        PageForms.signIn(Fixtures.expert()))) {
            PageForms.open("/account", phone).post().post("/logout-everywhere").then().statusCode(303);
            assertEquals(SESSION_ENDED, officeSocket.awaitClose());
            assertEquals(SESSION_ENDED, phoneSocket.awaitClose());
            assertNull(other.closeCode());
        }
    }

    @Test
    void aSocketOpenedWithAnEndedSessionIsAnonymous() {
        User user = Fixtures.moderator();
        String session = PageForms.signIn(user);
        PageForms.open("/", session).post().post("/logout").then().statusCode(303);
        try (LiveClient client = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, session)) {
            long topic = Fixtures.freshTopic();
            String secret = "Ausgeblendet " + System.nanoTime();
            long comment = post(Fixtures.expert(), topic, secret);
            Fixtures.moderator().as().body(Map.of("reason", "Test")).post("/api/comments/" + comment + "/hide")
                    .then().statusCode(200);
            JsonObject hidden = client.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
            assertFalse(hidden.encode().contains(secret), "readers never get a hidden comment's text");
        }
    }
}
