package org.thesenforum.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.Fixtures.User;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class LiveSocketTest {

    @TestHTTPResource("/")
    URI base;

    private LiveClient connect(String query, User user) {
        return LiveClient.connect(base, Fixtures.SLUG, query, user == null ? null : user.email(),
                user == null ? null : Fixtures.PASSWORD);
    }

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long post(User author, long topic, String body, long parentId) {
        return author.as().body(Map.of("body", body, "parentId", parentId)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long latestSeq() {
        return given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().jsonPath().getLong("lastEventSeq");
    }

    /**
     * A browser sends "viewing" and its acknowledgements as soon as the socket opens. Such a first frame must be
     * answered every time, for readers and members alike (their check runs off the event loop), not lost between
     * the handshake and the endpoint's start.
     */
    @Test
    void theFirstFrameSentRightAfterTheHandshakeIsAlwaysAnswered() {
        String session = org.thesenforum.testing.PageForms.signIn(Fixtures.expert());
        for (int i = 0; i < 40; i++) {
            boolean asMember = i % 2 == 1;
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            var connector = io.quarkus.websockets.next.BasicWebSocketConnector.create().baseUri(base)
                    .executionModel(io.quarkus.websockets.next.BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                    .path("/live/" + Fixtures.SLUG + "?since=0").onTextMessage((c, text) -> received.add(text));
            connector.addHeader("Origin", base.getScheme() + "://" + base.getAuthority());
            if (asMember) {
                connector.addHeader("Cookie", "tf_session=" + session);
            }
            var connection = connector.connectAndAwait();
            try {
                connection.sendTextAndAwait("{\"type\":\"ping\"}");
                await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(t -> t.contains("\"pong\"")));
            } finally {
                connection.closeAndAwait();
            }
        }
    }

    @Test
    void aCommentPostedOverRestReachesTwoClientsWithSeqDataAndHtml() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long before = latestSeq();
        try (LiveClient a = connect(null, null); LiveClient b = connect(null, Fixtures.expert())) {
            long id = post(author, topic, "Live aus dem *Quartier*");
            for (LiveClient client : List.of(a, b)) {
                JsonObject frame = client.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                        && f.getJsonObject("data").getLong("id") == id);
                assertEquals(before + 1, frame.getLong("seq"));
                assertEquals(topic, frame.getLong("topicId"));
                assertEquals("Live aus dem *Quartier*", frame.getJsonObject("data").getString("body"));
                assertEquals(author.id(), frame.getJsonObject("data").getJsonObject("author").getLong("id"));
                String html = frame.getString("html");
                assertTrue(html.contains("id=\"c" + id + "\""), html);
                assertTrue(html.contains("<em>Quartier</em>"), html);
                assertFalse(html.contains("value=\"ey") || html.matches("(?s).*name=\"csrf-token\" value=\"[^\"]+\".*"),
                        "no CSRF token of the writer in a pushed fragment");
            }
            // the same JSON as the REST API returns, without the rendered text, which the fragment carries
            JsonObject rest = new JsonObject(given().get("/api/comments/" + id).asString());
            assertEquals("<p>Live aus dem <em>Quartier</em></p>", rest.remove("bodyHtml"));
            JsonObject data = a.events().get(0).getJsonObject("data");
            assertFalse(data.containsKey("bodyHtml"), "the text is not in the frame a second time");
            assertEquals(rest, data);
        }
    }

    @Test
    void framesSayWhichPageElementTheirFragmentGoesToAndHow() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        try (LiveClient reader = connect(null, null); LiveClient mod = connect(null, moderator)) {
            long root = post(moderator, topic, "Wohin damit?");
            long reply = post(moderator, topic, "Hierhin.", root);
            moderator.as().body(Map.of("reason", "Test")).post("/api/comments/" + reply + "/hide")
                    .then().statusCode(200);
            moderator.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
            for (LiveClient client : List.of(reader, mod)) {
                JsonObject created = client.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                        && f.getJsonObject("data").getLong("id") == root);
                assertEquals("thread-" + topic, created.getString("target"));
                assertEquals("append", created.getString("swap"));
                JsonObject replied = client.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                        && f.getJsonObject("data").getLong("id") == reply);
                assertEquals("c" + root + "-replies", replied.getString("target"));
                assertEquals("append", replied.getString("swap"));
                JsonObject hidden = client.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
                assertEquals("c" + reply, hidden.getString("target"));
                assertEquals("replace", hidden.getString("swap"));
                assertTrue(hidden.getString("html").contains("id=\"c" + reply + "\""), hidden.getString("html"));
                JsonObject locked = client.awaitFrame(f -> "topic.locked".equals(f.getString("type")));
                assertEquals("topic-status-" + topic, locked.getString("target"));
                assertEquals("replace", locked.getString("swap"));
            }
        }
    }

    @Test
    void seqNumbersHaveNoGaps() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        try (LiveClient client = connect(null, null)) {
            for (int i = 0; i < 5; i++) {
                post(moderator, topic, "Nummer " + i);
            }
            client.awaitEvents(5);
            List<JsonObject> events = client.events();
            for (int i = 1; i < events.size(); i++) {
                assertEquals(events.get(i - 1).getLong("seq") + 1, events.get(i).getLong("seq"));
            }
        }
    }

    @Test
    void aClientThatMissedFiftyEventsGetsExactlyThoseInOrderThenLiveOnes() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        long since;
        try (LiveClient first = connect(null, null)) {
            post(moderator, topic, "vor der Pause");
            since = first.awaitFrame(f -> "comment.created".equals(f.getString("type"))
                    && "vor der Pause".equals(f.getJsonObject("data").getString("body"))).getLong("seq");
        }
        for (int i = 1; i <= 50; i++) {
            post(moderator, topic, "verpasst " + i);
        }
        try (LiveClient back = connect("since=" + since, null)) {
            back.awaitEvents(50);
            assertTrue(back.ofType("reset").isEmpty());
            post(moderator, topic, "wieder live");
            back.awaitEvents(51);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> back.events().size() == 51);
            List<JsonObject> events = back.events();
            for (int i = 0; i < 51; i++) {
                assertEquals(since + 1 + i, events.get(i).getLong("seq"));
            }
            assertEquals("verpasst 1", events.get(0).getJsonObject("data").getString("body"));
            assertEquals("verpasst 50", events.get(49).getJsonObject("data").getString("body"));
            assertEquals("wieder live", events.get(50).getJsonObject("data").getString("body"));
        }
    }

    @Test
    void nonModeratorsNeverReceiveAHiddenCommentsText() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        long since = latestSeq();
        long id = post(Fixtures.expert(), topic, "Geheimer Text 4711");
        try (LiveClient expert = connect(null, Fixtures.expert()); LiveClient mod = connect(null, moderator)) {
            moderator.as().body(Map.of("reason", "Persönlicher Angriff")).post("/api/comments/" + id + "/hide")
                    .then().statusCode(200);
            JsonObject seen = expert.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
            assertNull(seen.getJsonObject("data").getString("body"));
            assertTrue(seen.getJsonObject("data").getBoolean("hidden"));
            assertFalse(seen.encode().contains("4711"), seen.encode());
            JsonObject modSeen = mod.awaitFrame(f -> "comment.hidden".equals(f.getString("type")));
            assertEquals("Geheimer Text 4711", modSeen.getJsonObject("data").getString("body"));
            assertEquals("Persönlicher Angriff", modSeen.getJsonObject("data").getString("hiddenReason"));
        }
        // a reader who replays from before the comment was written does not get the text either
        try (LiveClient late = connect("since=" + since, Fixtures.expert())) {
            late.awaitEvents(2);
            late.events().forEach(f -> assertFalse(f.encode().contains("4711"), f.encode()));
        }
        String feed = given().queryParam("since", since).get("/api/discussions/" + Fixtures.SLUG + "/changes")
                .asString();
        assertFalse(feed.contains("4711"), feed);
        String modFeed = moderator.as().queryParam("since", since).get("/api/discussions/" + Fixtures.SLUG + "/changes")
                .asString();
        assertTrue(modFeed.contains("4711"), modFeed);
    }

    @Test
    void anUnknownDiscussionIsRefused() {
        assertEquals(404, LiveClient.refusedHandshake("gibt-es-nicht"));
    }

    @Test
    void framesThatAreNotUnderstoodGetAnErrorFrameAndTheConnectionStays() {
        try (LiveClient client = connect(null, null)) {
            client.send("hallo?");
            client.send("{\"type\":\"tanzen\"}");
            await().atMost(Duration.ofSeconds(5)).failFast(client::isClosed)
                    .until(() -> client.ofType("error").size() == 2);
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
            assertFalse(client.isClosed());
        }
    }

    @Test
    void presenceCountsConnectionsPerDiscussionAndTopic() {
        long topic = Fixtures.freshTopic();
        try (LiveClient a = connect("topic=" + topic, null); LiveClient b = connect("topic=" + topic, null)) {
            JsonObject presence = b.awaitFrame(f -> "presence".equals(f.getString("type"))
                    && f.getJsonObject("topics").getInteger(String.valueOf(topic), 0) == 2);
            assertTrue(presence.getInteger("online") >= 2);
            a.send("{\"type\":\"viewing\",\"topicId\":null}");
            b.awaitFrame(f -> "presence".equals(f.getString("type"))
                    && f.getJsonObject("topics").getInteger(String.valueOf(topic), 0) == 1);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "since=-1", "since=abc", "since=1.5",
            "since=99999999999999999999" })
    void aSinceThatIsNoSeqGetsAReset(String query) {
        try (LiveClient client = connect(query, null)) {
            JsonObject reset = client.awaitFrame(f -> "reset".equals(f.getString("type")));
            assertEquals(latestSeq(), reset.getLong("seq"));
        }
    }

    @Test
    void aSinceOlderThanTheRetainedLogGetsAReset() {
        long topic = Fixtures.freshTopic();
        post(Fixtures.moderator(), topic, "wird bald vergessen");
        Fixtures.pruneJournalBefore(java.time.Instant.now().plusSeconds(1));
        try (LiveClient client = connect("since=0", null)) {
            JsonObject reset = client.awaitFrame(f -> "reset".equals(f.getString("type")));
            assertEquals(latestSeq(), reset.getLong("seq"));
        }
        given().queryParam("since", 0).get("/api/discussions/" + Fixtures.SLUG + "/changes").then().statusCode(200)
                .body("[0].type", org.hamcrest.Matchers.equalTo("reset"));
    }
}
