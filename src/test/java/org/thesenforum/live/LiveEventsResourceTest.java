package org.thesenforum.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LiveEventsResourceTest {

    private static final String EVENTS = "/api/discussions/" + Fixtures.SLUG + "/events";

    private static long latestSeq() {
        return given().get("/api/discussions/" + Fixtures.SLUG).then().extract().jsonPath().getLong("lastEventSeq");
    }

    @Test
    void returnsTheEventsAfterSinceInOrderAsTheSocketFrames() {
        long topic = Fixtures.freshTopic();
        Fixtures.User moderator = Fixtures.moderator();
        long since = latestSeq();
        for (int i = 1; i <= 3; i++) {
            moderator.as().body(Map.of("body", "Feed " + i)).post("/api/topics/" + topic + "/comments")
                    .then().statusCode(201);
        }
        moderator.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        given().queryParam("since", since).get(EVENTS).then().statusCode(200)
                .body("$", hasSize(4))
                .body("seq", equalTo(List.of((int) since + 1, (int) since + 2, (int) since + 3, (int) since + 4)))
                .body("type", equalTo(List.of("comment.created", "comment.created", "comment.created", "topic.locked")))
                .body("[0].data.body", equalTo("Feed 1"))
                .body("[0].topicId", equalTo((int) topic))
                .body("[3].data.locked", equalTo(true));
        given().queryParam("since", since).queryParam("limit", 2).get(EVENTS).then().statusCode(200)
                .body("$", hasSize(2)).body("[1].data.body", equalTo("Feed 2"));
        given().queryParam("since", since + 4).get(EVENTS).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        given().queryParam("since", -1).get(EVENTS).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("since"));
        given().queryParam("since", "abc").get(EVENTS).then().statusCode(422).body("field", equalTo("since"));
        given().queryParam("limit", 0).get(EVENTS).then().statusCode(422).body("field", equalTo("limit"));
        given().queryParam("limit", 1001).get(EVENTS).then().statusCode(422).body("field", equalTo("limit"));
    }

    @Test
    void unknownDiscussionIs404() {
        given().get("/api/discussions/gibt-es-nicht/events").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSinceAheadOfTheLogIsAReset() {
        given().queryParam("since", latestSeq() + 1000).get(EVENTS).then().statusCode(200)
                .body("[0].type", equalTo("reset"));
    }
}
