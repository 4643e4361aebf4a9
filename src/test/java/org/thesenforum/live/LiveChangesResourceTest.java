package org.thesenforum.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thesenforum.journal.Journal;
import org.thesenforum.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The HTTP feed at /changes, and at /events, its deprecated name, which must answer exactly the same. */
@QuarkusTest
class LiveChangesResourceTest {

    private static final String BASE = "/api/discussions/" + Fixtures.SLUG + "/";

    @Inject
    Journal journal;

    private static long latestSeq() {
        return given().get("/api/discussions/" + Fixtures.SLUG).then().extract().jsonPath().getLong("lastEventSeq");
    }

    @ParameterizedTest
    @ValueSource(strings = { "changes", "events" })
    void returnsTheEventsAfterSinceInOrderAsTheSocketFrames(String feed) {
        long topic = Fixtures.freshTopic();
        Fixtures.User moderator = Fixtures.moderator();
        long since = latestSeq();
        for (int i = 1; i <= 3; i++) {
            moderator.as().body(Map.of("body", "Feed " + i)).post("/api/topics/" + topic + "/comments")
                    .then().statusCode(201);
        }
        moderator.as().post("/api/topics/" + topic + "/lock").then().statusCode(200);
        given().queryParam("since", since).get(BASE + feed).then().statusCode(200)
                .body("$", hasSize(4))
                .body("seq", equalTo(List.of((int) since + 1, (int) since + 2, (int) since + 3, (int) since + 4)))
                .body("type", equalTo(List.of("comment.created", "comment.created", "comment.created", "topic.locked")))
                .body("[0].data.body", equalTo("Feed 1"))
                .body("[0].topicId", equalTo((int) topic))
                .body("[0].target", equalTo("thread-" + topic))
                .body("[0].swap", equalTo("append"))
                .body("[3].data.locked", equalTo(true))
                .body("[3].target", equalTo("topic-status-" + topic))
                .body("[3].swap", equalTo("replace"));
        given().queryParam("since", since).queryParam("limit", 2).get(BASE + feed).then().statusCode(200)
                .body("$", hasSize(2)).body("[1].data.body", equalTo("Feed 2"));
        given().queryParam("since", since + 4).get(BASE + feed).then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "changes", "events" })
    void badParametersAreRefusedNamingTheField(String feed) {
        given().queryParam("since", -1).get(BASE + feed).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("since"));
        given().queryParam("since", "abc").get(BASE + feed).then().statusCode(422).body("field", equalTo("since"));
        given().queryParam("limit", 0).get(BASE + feed).then().statusCode(422).body("field", equalTo("limit"));
        given().queryParam("limit", 1001).get(BASE + feed).then().statusCode(422).body("field", equalTo("limit"));
    }

    @Test
    void refusalsComeInTheReadersLanguage() {
        given().header("Accept-Language", "en").queryParam("limit", 0).get(BASE + "changes").then().statusCode(422)
                .body("field", equalTo("limit")).body("detail", equalTo("“limit” must be a whole number from 1 to 1000."));
        given().queryParam("limit", 0).get(BASE + "changes").then().statusCode(422)
                .body("detail", equalTo("„limit“ muss eine ganze Zahl von 1 bis 1000 sein."));
        given().queryParam("since", "abc").get(BASE + "changes").then().statusCode(422)
                .body("detail", equalTo("„since“ muss eine ganze Zahl ab 0 sein."));
        given().header("Accept-Language", "en").queryParam("since", -1).get(BASE + "changes").then().statusCode(422)
                .body("detail", equalTo("“since” must be a whole number of at least 0."));
        given().cookie("tf_lang", "en").get("/api/discussions/gibt-es-nicht/changes").then().statusCode(404)
                .body("detail", equalTo("The discussion was not found."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "changes", "events" })
    void unknownDiscussionIs404(String feed) {
        given().get("/api/discussions/gibt-es-nicht/" + feed).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "changes", "events" })
    void aSinceAheadOfTheLogIsAReset(String feed) {
        given().queryParam("since", latestSeq() + 1000).get(BASE + feed).then().statusCode(200)
                .body("[0].type", equalTo("reset"));
    }

    @Test
    void theApiDocumentMarksTheFormerPathAsDeprecated() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/discussions/{slug}/events'.get.deprecated", equalTo(true))
                .body("paths.'/api/discussions/{slug}/changes'.get", not(hasKey("deprecated")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "changes", "events" })
    void aFrameWithoutHtmlSaysNothingAboutWhereItGoes(String feed) {
        long stream = journal.streamOf(Fixtures.SLUG).orElseThrow();
        long since = latestSeq();
        QuarkusTransaction.requiringNew().run(() -> journal.append(stream, "note.added", null,
                new Journal.EntityRef("note", 1), new Journal.Payload("{\"n\":1}", null), null,
                Journal.Placement.append("notes")));
        given().queryParam("since", since).get(BASE + feed).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].data.n", equalTo(1))
                .body("[0]", not(hasKey("html"))).body("[0]", not(hasKey("target"))).body("[0]", not(hasKey("swap")));
    }
}
