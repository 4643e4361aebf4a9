package org.thesenforum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.MembersOnly;
import org.thesenforum.testing.PageForms;

/** In a members-only forum the legal pages stay open to everyone; the rest stays closed. */
@QuarkusTest
@TestProfile(MembersOnly.class)
class SiteTextMembersOnlyTest {

    @Test
    void anonymousPeopleReadTheTextsAdminsSet() {
        PageForms.open("/admin/texts", PageForms.signIn(Fixtures.admin())).post()
                .formParam("body", "Datenschutz beim Quartiersforum").post("/admin/texts/datenschutz")
                .then().statusCode(303);
        try {
            given().redirects().follow(false).get("/datenschutz").then().statusCode(200)
                    .body(containsString("Datenschutz beim Quartiersforum"));
            given().redirects().follow(false).get("/impressum").then().statusCode(200)
                    .body(containsString("noch nicht eingetragen"));
            given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG).then().statusCode(303)
                    .header("Location", endsWith("/login?next=%2Fdiscussions%2F" + Fixtures.SLUG));
            given().redirects().follow(false).get("/admin/texts").then().statusCode(303);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> SiteText.deleteAll());
        }
    }
}
