package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StartupTest {

    @Test
    void firstStartCreatesTheConfiguredAdmin() {
        given().auth().preemptive().basic("admin@thesenforum.local", "admin-test-password")
                .get("/api/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"))
                .body("displayName", equalTo("Administration"));
    }

    @Test
    void openApiDocumentsTheJsonApiButNotThePages() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/topics/{id}/comments"))
                .body(containsString("/api/invitations"))
                .body(containsString("\"basic\""))
                .body(not(containsString("\"/login\"")))
                .body(not(containsString("\"/topics/{id}/comments\"")))
                // The profile change lists what clients send, not how the server notes it.
                .body("components.schemas.ProfilePatch.properties.displayName", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.ProfilePatch.properties.displayNameSent", org.hamcrest.Matchers.nullValue())
                .body("components.schemas.ProfilePatch.properties.nullSetting", org.hamcrest.Matchers.nullValue());
    }
}
