package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.MembersOnly;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.PageForms;

@QuarkusTest
@TestProfile(MembersOnly.class)
class MembersOnlyReadAccessTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    java.net.URI base;

    @Test
    void anonymousApiReadsAre401Problems() {
        long topic = Fixtures.thesis(1);
        for (String path : new String[] { "/api/discussions", "/api/discussions/" + Fixtures.SLUG,
                "/api/topics/" + topic, "/api/topics/" + topic + "/comments",
                "/api/discussions/" + Fixtures.SLUG + "/demands", "/api/discussions/" + Fixtures.SLUG + "/pinned",
                "/api/discussions/" + Fixtures.SLUG + "/demands/export?format=csv", "/api/demands/1",
                "/api/demands/1/versions", "/api/discussions/" + Fixtures.SLUG + "/protocol?format=pdf" }) {
            given().get(path).then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Basic"))
                    .body("status", equalTo(401)).body("detail", containsString("Mitglieder"));
        }
    }

    @Test
    void anonymousPagesRedirectToTheLogin() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", containsString("/login?next=%2F"));
        given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG).then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fdiscussions%2F" + Fixtures.SLUG));
        given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG + "/demands").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fdiscussions%2F" + Fixtures.SLUG + "%2Fdemands"));
    }

    @Test
    void anonymousApiReadsAreRefusedInTheReadersLanguage() {
        given().header("Accept-Language", "en").get("/api/discussions").then().statusCode(401).contentType(PROBLEM)
                .body("detail", equalTo("This forum can only be read by members."));
        given().cookie(Languages.COOKIE, "en").get("/api/discussions").then().statusCode(401)
                .body("detail", equalTo("This forum can only be read by members."));
    }

    @Test
    void theLanguageSwitchOnTheLoginPageWorksWithoutAnAccount() {
        Response switched = given().redirects().follow(false).queryParam("lang", "en")
                .queryParam("next", "/login?next=%2F").get("/language");
        switched.then().statusCode(303).header("Location", endsWith("/login?next=%2F"));
        assertTrue(PageForms.setCookieHeader(switched, Languages.COOKIE).startsWith(Languages.COOKIE + "=en;"));
        given().cookie(Languages.COOKIE, "en").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void membersReadEverything() {
        User expert = Fixtures.expert();
        expert.as().get("/api/discussions").then().statusCode(200).body("[0].slug", equalTo(Fixtures.SLUG));
        expert.as().get("/api/topics/" + Fixtures.thesis(1) + "/comments").then().statusCode(200);
        expert.as().redirects().follow(false).accept(ContentType.HTML).get("/").then().statusCode(200);
    }

    @Test
    void wrongOrDisabledCredentialsDoNotRead() {
        User expert = Fixtures.expert();
        given().auth().preemptive().basic(expert.email(), "falsches-passwort").get("/api/discussions").then()
                .statusCode(401).contentType(PROBLEM);
        Fixtures.admin().as().body(Map.of("enabled", false)).put("/api/accounts/" + expert.id() + "/enabled")
                .then().statusCode(200);
        expert.as().get("/api/discussions").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void invitedPeopleCanStillRegister() {
        String code = Fixtures.moderator().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                .extract().jsonPath().getString("code");
        String email = "mitglied-" + System.nanoTime() + "@example.org";
        given().contentType(ContentType.JSON)
                .body(Map.of("invitationCode", code, "displayName", "Neues Mitglied", "email", email,
                        "password", "lange-genug-1234"))
                .post("/api/accounts").then().statusCode(201).body("enabled", is(true));
        given().auth().preemptive().basic(email, "lange-genug-1234").get("/api/discussions").then().statusCode(200);
    }

    @Test
    void theLoginPageIsNotBehindTheLogin() {
        given().redirects().follow(false).get("/login").then().statusCode(200);
        given().get("/css/forum.css").then().statusCode(200);
    }

    @Test
    void theLiveStreamAndItsFeedFollowTheReadAccessSetting() {
        org.junit.jupiter.api.Assertions.assertEquals(401, LiveClient.refusedHandshake(Fixtures.SLUG));
        given().get("/api/discussions/" + Fixtures.SLUG + "/changes").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/discussions/" + Fixtures.SLUG + "/events").then().statusCode(401).contentType(PROBLEM);
        User expert = Fixtures.expert();
        try (LiveClient member = LiveClient.connect(base, Fixtures.SLUG, null, expert.email(), Fixtures.PASSWORD)) {
            org.junit.jupiter.api.Assertions.assertFalse(member.isClosed());
        }
        expert.as().get("/api/discussions/" + Fixtures.SLUG + "/changes").then().statusCode(200);
        expert.as().get("/api/discussions/" + Fixtures.SLUG + "/events").then().statusCode(200);
    }

    @Test
    void aMembersSocketClosesWhenItsSessionEndsAndCannotComeBackWithIt() {
        User expert = Fixtures.expert();
        String session = org.thesenforum.testing.PageForms.signIn(expert);
        try (LiveClient member = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, session)) {
            org.thesenforum.testing.PageForms.open("/", session).post().post("/logout").then().statusCode(303);
            org.junit.jupiter.api.Assertions.assertEquals(4401, member.awaitClose());
        }
        // Coming back with the ended session is a handshake of an anonymous reader: 401 in members-only mode.
        org.junit.jupiter.api.Assertions.assertEquals(401,
                LiveClient.refusedHandshake(Fixtures.SLUG, "Cookie", "tf_session=" + session));
        // Signed in anew, the member connects again.
        try (LiveClient again = LiveClient.connectWithCookie(base, Fixtures.SLUG, null,
                org.thesenforum.testing.PageForms.signIn(expert))) {
            org.junit.jupiter.api.Assertions.assertFalse(again.isClosed());
        }
    }
}
