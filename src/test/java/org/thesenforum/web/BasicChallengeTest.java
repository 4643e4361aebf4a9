package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class BasicChallengeTest {

    @Test
    void scriptsGetTheBasicChallengeWithA401() {
        given().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Basic realm=\"Thesenforum\""));
        given().header("Sec-Fetch-Mode", "navigate").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Basic realm=\"Thesenforum\""));
    }

    @Test
    void aPageScriptGetsTheSame401WithoutAChallengeSoNoPasswordDialogOpens() {
        given().header("Sec-Fetch-Mode", "cors").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue()).body("status", equalTo(401));
        given().header("X-Requested-With", "XMLHttpRequest").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }
}
