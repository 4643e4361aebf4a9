package org.thesenforum.beamer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.MembersOnly;

/** With {@code forum.read-access=members} the projector view needs a session, like every other page. */
@QuarkusTest
@TestProfile(MembersOnly.class)
class BeamerMembersOnlyTest {

    @Test
    void anonymousProjectorsAreSentToTheLogin() {
        for (String part : new String[] { "", "/kommentare", "/forderungen", "/qr.svg" }) {
            given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG + "/beamer" + part).then()
                    .statusCode(303).header("Location", containsString("/login"));
        }
    }

    @Test
    void aSignedInProjectorSeesTheViewAndAPrivateQrCode() {
        Fixtures.expert().as().get("/discussions/" + Fixtures.SLUG + "/beamer").then().statusCode(200)
                .body(containsString("id=\"beamer-comments\""));
        Fixtures.moderator().as().get("/discussions/" + Fixtures.SLUG + "/beamer/qr.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).header("Cache-Control", containsString("private"));
    }
}
