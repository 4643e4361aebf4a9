package org.thesenforum.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Demand changes reach live clients as log frames with the card from the demands page's template. */
@QuarkusTest
class DemandLiveTest {

    @TestHTTPResource("/")
    URI base;

    private String slug;
    private long topic;

    @BeforeEach
    void freshDiscussion() {
        slug = BoardData.discussion();
        topic = BoardData.topic(slug, "Quartiere stärken");
    }

    @AfterEach
    void dropIt() {
        BoardData.drop(slug);
    }

    private static JsonObject await(LiveClient client, String type, long id) {
        return client.awaitFrame(f -> type.equals(f.getString("type")) && f.getJsonObject("data") != null
                && f.getJsonObject("data").getLong("id") == id);
    }

    @Test
    void proposalsSupportsPinsAndReordersArriveWithTheCardAndItsPlace() {
        User author = Fixtures.expert();
        User supporter = Fixtures.expert();
        try (LiveClient reader = LiveClient.connect(base, slug, null, null, null);
                LiveClient moderator = LiveClient.connect(base, slug, null, Fixtures.moderator().email(),
                        Fixtures.PASSWORD)) {
            long id = author.as().body(Map.of("title", "Räume <öffnen>", "text", "Abends *offen*.",
                    "topicIds", List.of(topic))).post("/api/discussions/" + slug + "/demands")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            JsonObject created = await(reader, "demand.created", id);
            assertEquals("demands-proposals", created.getString("target"));
            assertEquals("append", created.getString("swap"));
            String html = created.getString("html");
            assertTrue(html.startsWith("<li id=\"d" + id + "\""), html);
            assertTrue(html.contains("Räume &lt;öffnen&gt;") && html.contains("<em>offen</em>"), html);
            assertFalse(html.contains("<form"), "a pushed card carries no form: forms belong to the reader");
            assertEquals("Räume <öffnen>", created.getJsonObject("data").getString("title"));

            supporter.as().put("/api/demands/" + id + "/support").then().statusCode(200);
            JsonObject supported = await(reader, "demand.supported", id);
            assertEquals("d" + id, supported.getString("target"));
            assertEquals("replace", supported.getString("swap"));
            assertTrue(supported.getString("html").contains("1 Unterstützung"), supported.getString("html"));
            assertFalse(supported.encode().contains(String.valueOf(supporter.email())));
            assertEquals(null, supported.getJsonObject("data").getValue("mine"), "nobody's own state in a frame");

            long second = BoardData.onTopic(topic, author, "Zweite", false);
            Fixtures.moderator().as().body(Map.of()).put("/api/demands/" + id + "/pin").then().statusCode(200);
            Fixtures.moderator().as().body(Map.of("rank", 1)).put("/api/demands/" + second + "/pin")
                    .then().statusCode(200);
            JsonObject pinned = await(moderator, "demand.pinned", second);
            assertTrue(pinned.getString("html").contains("Gemeinsame Forderung Nr. 1"), pinned.getString("html"));
            // The one that was first moved down: its card says so.
            JsonObject moved = await(reader, "demand.reordered", id);
            assertEquals(2, moved.getJsonObject("data").getInteger("rank"));
            assertEquals("d" + id, moved.getString("target"));
            assertTrue(moved.getString("html").contains("Gemeinsame Forderung Nr. 2"), moved.getString("html"));
            assertTrue(moved.getLong("seq") > pinned.getLong("seq"), "after the change that moved it");
        }
    }
}
