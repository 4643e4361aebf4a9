package org.thesenforum.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.PageForms;

/** A notification reaches the addressee's sockets, on any discussion page, and nobody else's. */
@QuarkusTest
class NotificationLiveTest {

    @TestHTTPResource("/")
    URI base;

    private static long post(User author, long topic, String body, Long parentId) {
        Map<String, Object> request = parentId == null ? Map.of("body", body) : Map.of("body", body, "parentId", parentId);
        return author.as().body(request).post("/api/topics/" + topic + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static long latestSeq() {
        return RestAssured.given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().jsonPath().getLong("lastEventSeq");
    }

    private static boolean isNotification(JsonObject frame) {
        return frame.getString("type", "").startsWith("notification");
    }

    @Test
    void onlyTheAddresseesSocketsGetTheNotification() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        User bystander = Fixtures.moderator();
        long comment = post(maria, topic, "Erster Gedanke", null);
        String since = "since=" + latestSeq();
        try (LiveClient mariaBrowser = LiveClient.connectWithCookie(base, Fixtures.SLUG, since,
                PageForms.signIn(maria));
                LiveClient mariaScript = LiveClient.connect(base, Fixtures.SLUG, since, maria.email(),
                        Fixtures.PASSWORD);
                LiveClient other = LiveClient.connect(base, Fixtures.SLUG, since + "&topic=" + topic,
                        bystander.email(), Fixtures.PASSWORD);
                LiveClient anonymous = LiveClient.connect(base, Fixtures.SLUG, since, null, null)) {
            long reply = post(jan, topic, "Eine Antwort", comment);

            for (LiveClient mine : new LiveClient[] { mariaBrowser, mariaScript }) {
                JsonObject frame = mine.awaitFrame(f -> "notification".equals(f.getString("type")));
                assertEquals(1, frame.getJsonObject("data").getLong("seq"));
                assertEquals(1, frame.getJsonObject("data").getLong("unread"));
                assertTrue(!frame.containsKey("seq"), "an ephemeral frame carries no journal seq");
            }
            // The others saw the reply itself arrive, so a notification would have reached them by now too.
            other.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                    && f.getJsonObject("data").getLong("id") == reply);
            anonymous.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                    && f.getJsonObject("data").getLong("id") == reply);
            assertTrue(other.frames.stream().noneMatch(NotificationLiveTest::isNotification));
            assertTrue(anonymous.frames.stream().noneMatch(NotificationLiveTest::isNotification));

            // Marking read tells the addressee's other pages the new count, and nobody else.
            maria.as().post("/api/me/notifications/read").then().statusCode(200);
            JsonObject read = mariaBrowser.awaitFrame(f -> "notification.read".equals(f.getString("type")));
            assertEquals(0, read.getJsonObject("data").getLong("unread"));
            post(jan, topic, "Noch etwas", null);
            other.awaitFrame(f -> f.encode().contains("Noch etwas"));
            assertTrue(other.frames.stream().noneMatch(NotificationLiveTest::isNotification));
        }
    }

    @Test
    void aDisabledAccountsSocketGetsNoNotificationFrame() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        try (LiveClient mine = LiveClient.connectWithCookie(base, Fixtures.SLUG, "since=" + latestSeq(),
                PageForms.signIn(maria))) {
            Fixtures.admin().as().body("{\"enabled\":false}").put("/api/accounts/" + maria.id() + "/enabled")
                    .then().statusCode(200);
            mine.awaitClose();
            post(Fixtures.expert(), topic, "Antwort", comment);
            assertTrue(mine.frames.stream().noneMatch(NotificationLiveTest::isNotification));
        }
    }
}
