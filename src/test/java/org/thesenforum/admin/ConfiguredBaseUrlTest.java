package org.thesenforum.admin;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;

/** With {@code forum.base-url} set, invitation links use it, and the admin page warns when the admin is elsewhere. */
@QuarkusTest
@TestProfile(ConfiguredBaseUrlTest.PublicAddress.class)
class ConfiguredBaseUrlTest {

    /** The forum as published at a public address. */
    public static class PublicAddress implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.base-url", "https://forum.example.org/");
        }
    }

    @Test
    void theLinkUsesTheConfiguredAddressAndTheAdminIsWarnedWhenUsingAnother() {
        String session = PageForms.signIn(Fixtures.moderator());
        String location = PageForms.open("/admin", session).post().formParam("maxUses", "1")
                .post("/admin/invitations").then().statusCode(303).extract().header("Location")
                .replaceFirst("#.*$", "");
        PageForms.browser(session).get(location).then().statusCode(200)
                .body(containsString("value=\"https://forum.example.org/register?code="))
                .body(containsString("id=\"base-url-warning\""))
                .body(containsString("beginnen mit der eingestellten Adresse https://forum.example.org, Sie nutzen"
                        + " das Forum gerade unter http://localhost:"));
        Fixtures.moderator().as().get("/api/invitations").then().statusCode(200)
                .body("url[0]", containsString("https://forum.example.org/register?code="));
    }
}
