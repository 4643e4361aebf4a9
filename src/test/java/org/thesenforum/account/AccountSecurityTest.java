package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;

@QuarkusTest
class AccountSecurityTest {

    private static final Path SESSION_KEY = Path.of("target/test-data/session.key");

    @Inject
    LoginThrottle throttle;

    @BeforeEach
    @AfterEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    @Test
    void afterLogoutACopyOfTheOldCookieIsRefused() {
        Fixtures.User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        String copy = session;
        PageForms.browser(copy).get("/api/me").then().statusCode(200);

        PageForms.open("/account", session).post().post("/logout").then().statusCode(303);

        PageForms.browser(copy).get("/api/me").then().statusCode(401);
        PageForms.browser(copy).redirects().follow(false).get("/account").then().statusCode(303);
        // Signing in again works and yields a new, valid session.
        PageForms.browser(PageForms.signIn(user)).get("/api/me").then().statusCode(200);
    }

    @Test
    void logoutWithoutCsrfTokenIsRefused() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("x", "y").post("/logout")
                .then().statusCode(400);
        PageForms.browser(session).contentType("text/plain").body("x").post("/logout").then().statusCode(415);
        PageForms.browser(session).get("/api/me").then().statusCode(200);
    }

    @Test
    void disablingAnAccountStopsItsCookieAtOnce() {
        Fixtures.User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        PageForms.browser(session).get("/api/me").then().statusCode(200);

        Fixtures.admin().as().body("{\"enabled\":false}").put("/api/accounts/" + user.id() + "/enabled")
                .then().statusCode(200).body("enabled", equalTo(false));

        PageForms.browser(session).get("/api/me").then().statusCode(401);
        PageForms.open("/login", null).post().formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(401);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        Fixtures.User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        user.as().get("/api/invitations").then().statusCode(403);
        PageForms.browser(session).get("/admin").then().statusCode(403);

        Fixtures.admin().as().body("{\"role\":\"MODERATOR\"}").put("/api/accounts/" + user.id() + "/role")
                .then().statusCode(200).body("role", equalTo("MODERATOR"));

        user.as().get("/api/me").then().statusCode(200).body("role", equalTo("MODERATOR"));
        user.as().get("/api/invitations").then().statusCode(200);
        // A role change ends the sessions of the account, so a browser signs in again and gets the new role.
        PageForms.browser(session).get("/api/me").then().statusCode(401);
        String fresh = PageForms.signIn(user);
        PageForms.browser(fresh).get("/api/me").then().statusCode(200).body("role", equalTo("MODERATOR"));
        PageForms.browser(fresh).get("/admin").then().statusCode(200);
    }

    @Test
    void theCookieIsSealedWithTheKeyInTheDataFolder() throws Exception {
        assertTrue(Files.exists(SESSION_KEY), "missing " + SESSION_KEY.toAbsolutePath());
        byte[] key = Base64.getDecoder().decode(Files.readString(SESSION_KEY).trim());
        assertEquals(32, key.length);

        Fixtures.User user = Fixtures.expert();
        byte[] sealed = Base64.getUrlDecoder().decode(PageForms.signIn(user));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        String plain = new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        assertTrue(plain.startsWith(user.id() + ":"), plain);
    }

    @Test
    void aForgedOrTamperedCookieIsIgnored() {
        String session = PageForms.signIn(Fixtures.expert());
        // Flip a character in the middle: the last one may carry only padding bits the decoder ignores.
        int middle = session.length() / 2;
        char c = session.charAt(middle);
        String tampered = session.substring(0, middle) + (c == 'A' ? 'B' : 'A') + session.substring(middle + 1);
        PageForms.browser(tampered).get("/api/me").then().statusCode(401);
        PageForms.browser("bm90LWEtY29va2ll").get("/api/me").then().statusCode(401);
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsThrottled() {
        Fixtures.User user = Fixtures.expert();
        for (int i = 0; i < 5; i++) {
            PageForms.open("/login", null).post().formParam("email", user.email())
                    .formParam("password", "falsch-" + i + "-passwort").post("/login").then().statusCode(401);
        }
        Response throttled = PageForms.open("/login", null).post().formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login");
        throttled.then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType(containsString("text/html"))
                .body(containsString("role=\"alert\">Zu viele fehlgeschlagene Anmeldungen."))
                .body(containsString("value=\"" + user.email() + "\""))
                .body(not(containsString(Fixtures.PASSWORD)));
        assertNull(PageForms.setCookieHeader(throttled, SessionCookies.NAME));
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);

        // Another account from the same address is not locked out by these few failures.
        PageForms.signIn(Fixtures.expert());
    }

    @Test
    void theApiAndThePagesUseTheSameSession() {
        Fixtures.User user = Fixtures.moderator();
        String session = PageForms.signIn(user);
        given().cookie(SessionCookies.NAME, session).contentType(ContentType.JSON).body("{}")
                .post("/api/invitations").then().statusCode(201);
    }
}
