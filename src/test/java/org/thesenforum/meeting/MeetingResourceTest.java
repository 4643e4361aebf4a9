package org.thesenforum.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

@QuarkusTest
class MeetingResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MEETING = MeetingFixtures.MEETING;

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
    }

    @Test
    void discussionWithoutMeetingHasAnEmptyUnstartedOne() {
        given().get(MEETING).then().statusCode(200)
                .body("slug", equalTo(Fixtures.SLUG))
                .body("serverTime", notNullValue())
                .body("startedAt", nullValue())
                .body("running", equalTo(false))
                .body("focus", nullValue())
                .body("items", hasSize(0));
    }

    @Test
    void unknownDiscussionIsNotFound() {
        given().get("/api/discussions/gibt-es-nicht/meeting").then().statusCode(404).contentType(PROBLEM);
    }
}
