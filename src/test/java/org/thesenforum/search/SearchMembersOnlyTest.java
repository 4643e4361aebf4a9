package org.thesenforum.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.MembersOnly;

/** With reading for members only, the search is for members only too, API and page alike. */
@QuarkusTest
@TestProfile(MembersOnly.class)
class SearchMembersOnlyTest {

    @Inject
    SearchIndexer indexer;

    @Test
    void anonymousReadersAreSentToTheLogin() {
        given().queryParam("q", "Quartier").get("/api/discussions/" + Fixtures.SLUG + "/search").then()
                .statusCode(401).body("status", equalTo(401));
        given().redirects().follow(false).queryParam("q", "Quartier").get("/discussions/" + Fixtures.SLUG + "/suche")
                .then().statusCode(303).header("Location", containsString("/login?next="));
    }

    @Test
    void membersFindWhatTheyMayRead() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.moderator();
        long id = author.as().body(Map.of("body", "Quartiersmanagement im Gespräch."))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        indexer.catchUp();
        Fixtures.expert().as().queryParams(Map.of("q", "Quartiersmanagement", "topicId", topic))
                .get("/api/discussions/" + Fixtures.SLUG + "/search").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].id", equalTo((int) id));
        Fixtures.expert().as().queryParams(Map.of("q", "Quartiersmanagement", "thema", topic))
                .get("/discussions/" + Fixtures.SLUG + "/suche").then().statusCode(200)
                .body(containsString("<mark>Quartiersmanagement</mark>"));
    }
}
