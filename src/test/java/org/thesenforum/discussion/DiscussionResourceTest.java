package org.thesenforum.discussion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DiscussionResourceTest {

    @Test
    void listsTheImportedPaper() {
        given().get("/api/discussions").then().statusCode(200)
                .body("slug", contains(Fixtures.SLUG))
                .body("[0].title", equalTo("Ankommen im Gemeinwesen"));
    }

    @Test
    void discussionHasFiveThesesThreeApproachesAndFourQuestions() {
        given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body("topics.findAll { it.kind == 'THESIS' }.number", contains(1, 2, 3, 4, 5))
                .body("topics.findAll { it.kind == 'APPROACH' && it.number < 100 }.title",
                        contains("Gemeinwesenarbeit (GWA)", "Sozialraumorientierung", "Soziale Stadt"))
                .body("guidingQuestions.text", contains("Was ist die Situation vor Ort?",
                        "Was benötigen die Stadtteile und Quartiere?", "Was benötigt/en ihr/ Sie?",
                        "Was sind unsere gemeinsamen Forderungen?"))
                .body("paperDate", equalTo("2016-04-15"));
    }

    @Test
    void topicCarriesItsFullText() {
        given().get("/api/topics/" + Fixtures.thesis(4)).then().statusCode(200)
                .body("label", equalTo("These 4"))
                .body("body", containsString("oder „Parallelgesellschaft“ zeigen"))
                .body("locked", is(false));
    }

    @Test
    void unknownSlugIs404Problem() {
        given().get("/api/discussions/gibt-es-nicht").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void unknownTopicIs404AndWrongTypeIs404() {
        given().get("/api/topics/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/topics/abc").then().statusCode(404);
    }

    @Test
    void onlyModeratorsLockTopics() {
        long topic = Fixtures.freshTopic();
        given().post("/api/topics/" + topic + "/lock").then().statusCode(401);
        Fixtures.expert().as().post("/api/topics/" + topic + "/lock").then().statusCode(403);
        Fixtures.moderator().as().post("/api/topics/" + topic + "/lock").then().log().ifValidationFails().statusCode(200).body("locked", is(true));
        Fixtures.admin().as().post("/api/topics/" + topic + "/unlock").then().statusCode(200).body("locked", is(false));
        Fixtures.moderator().as().post("/api/topics/999999/lock").then().statusCode(404);
        Fixtures.admin().as().get("/api/audit").then().statusCode(200)
                .body("findAll { it.targetType == 'topic' && it.targetId == " + topic + " }.action", hasSize(2));
    }
}
