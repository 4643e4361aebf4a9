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
    @Inject
    Passwords passwords;

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

    @Test
    void logoutEndsOnlyThisDevicesSession() {
        Fixtures.User user = Fixtures.expert();
        String office = PageForms.signIn(user);
        String phone = PageForms.signIn(user);
        assertEquals(2, sessionsOf(user));

        PageForms.open("/account", office).post().post("/logout").then().statusCode(303);

        PageForms.browser(office).get("/api/me").then().statusCode(401);
        PageForms.browser(phone).get("/api/me").then().statusCode(200);
        assertEquals(1, sessionsOf(user));
    }

    @Test
    void signingInAgainInTheSameBrowserReplacesItsSession() {
        Fixtures.User user = Fixtures.expert();
        String first = PageForms.signIn(user);
        Response again = PageForms.open("/login", first).post().formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login");
        again.then().statusCode(303);
        PageForms.browser(first).get("/api/me").then().statusCode(401);
        PageForms.browser(again.getCookie(SessionCookies.NAME)).get("/api/me").then().statusCode(200);
        assertEquals(1, sessionsOf(user));
    }

    @Test
    void signingOutEverywhereEndsEveryDevicesSession() {
        Fixtures.User user = Fixtures.expert();
        String office = PageForms.signIn(user);
        String phone = PageForms.signIn(user);
        PageForms.browser(phone).get("/account").then().statusCode(200)
                .body(containsString("Sie sind auf 2 Geräten angemeldet."))
                .body(containsString("Auf allen Geräten abmelden"));

        Response response = PageForms.open("/account", phone).post().post("/logout-everywhere");
        response.then().statusCode(303);
        assertTrue(PageForms.setCookieHeader(response, SessionCookies.NAME).toLowerCase().contains("max-age=0"));

        PageForms.browser(office).get("/api/me").then().statusCode(401);
        PageForms.browser(phone).get("/api/me").then().statusCode(401);
        assertEquals(0, sessionsOf(user));
    }

    @Test
    void signingOutEverywhereNeedsASessionAndAToken() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("x", "y")
                .post("/logout-everywhere").then().statusCode(400);
        PageForms.browser(session).get("/api/me").then().statusCode(200);
        PageForms.open("/login", null).post().post("/logout-everywhere").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void aSessionRecordsWhenItStartedAndWasLastUsed() {
        Fixtures.User user = Fixtures.expert();
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        PageForms.signIn(user);
        DeviceSession s = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                DeviceSession.<DeviceSession>find("account.id", user.id()).singleResult());
        assertTrue(s.createdAt.isAfter(before), s.createdAt.toString());
        assertEquals(s.createdAt, s.lastSeenAt);
        assertTrue(s.expiresAt.isAfter(s.createdAt.plus(java.time.Duration.ofDays(13))));
        assertEquals(64, s.tokenHash.length(), "only a SHA-256 of the token is stored");
    }

    @Test
    void passwordsOver72BytesAreRefusedAtLoginInsteadOfBeingCut() {
        String exact = "ä".repeat(30) + "x".repeat(12);   // 60 + 12 = 72 bytes
        Fixtures.User user = Fixtures.withPassword(exact);
        PageForms.signIn(user.email(), exact);

        Response refused = PageForms.open("/login", null).post().formParam("email", user.email())
                .formParam("password", exact + "y").post("/login");
        refused.then().statusCode(422).body(containsString("höchstens 72 Bytes"));
        assertNull(PageForms.setCookieHeader(refused, SessionCookies.NAME));
        given().header("Authorization", basicUtf8(user.email(), exact + "y")).get("/api/me").then().statusCode(401);
        given().header("Authorization", basicUtf8(user.email(), exact)).get("/api/me").then().statusCode(200);
    }

    @Test
    void anUnknownEmailRunsTheSamePasswordCheckAsAKnownOne() {
        assertEquals(Passwords.COST, passwords.dummyCost(), "the dummy hash costs as much as a real one");
        long before = passwords.checks();
        PageForms.open("/login", null).post().formParam("email", "niemand-" + System.nanoTime() + "@example.org")
                .formParam("password", "irgendein-passwort").post("/login").then().statusCode(401);
        assertEquals(before + 1, passwords.checks());
        given().auth().preemptive().basic("niemand@example.org", "irgendein-passwort").get("/api/me")
                .then().statusCode(401);
        assertEquals(before + 2, passwords.checks());
        PageForms.open("/login", null).post().formParam("email", Fixtures.expert().email())
                .formParam("password", "falsches-passwort").post("/login").then().statusCode(401);
        assertEquals(before + 3, passwords.checks());
    }

    @Test
    void parallelGuessesCheckNoMorePasswordsThanTheLimit() throws Exception {
        Fixtures.User user = Fixtures.expert();
        long before = passwords.checks();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(15);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "falsch-geraten-" + i;
                answers.add(pool.submit(() -> given().auth().preemptive().basic(user.email(), guess)
                        .get("/api/me").statusCode()));
            }
            int wrong = 0;
            int throttled = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get();
                wrong += status == 401 ? 1 : 0;
                throttled += status == 429 ? 1 : 0;
            }
            assertEquals(5, wrong, "only the configured number of guesses is checked");
            assertEquals(25, throttled);
            assertEquals(before + 5, passwords.checks());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedEvenWithAValidToken() {
        Fixtures.User user = Fixtures.expert();
        PageForms.Form form = PageForms.open("/login", null);
        form.post().header("Origin", "https://boese.example").formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(403)
                .contentType(containsString("text/html"));
        form.post().header("Referer", "https://boese.example/seite").formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(403);
        form.post().header("Origin", "null").formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(403);
        Response sameSite = form.post().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD).post("/login");
        sameSite.then().statusCode(303);
    }

    @Test
    void aCsrfPairMadeUpByAnotherSiteIsRefused() {
        Fixtures.User user = Fixtures.expert();
        String madeUp = "c2VsYnN0LWdlbWFjaHQtMTIzNDU2Nzg5MA";
        Response response = given().redirects().follow(false).contentType(PageForms.FORM_URLENCODED)
                .cookie(PageForms.CSRF, madeUp).formParam(PageForms.CSRF, madeUp)
                .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD).post("/login");
        response.then().statusCode(400);
        assertNull(PageForms.setCookieHeader(response, SessionCookies.NAME));
    }

    @Test
    void aFormOfAnOlderPageStillWorksAfterOtherPagesWereOpened() {
        Fixtures.User user = Fixtures.expert();
        PageForms.Form first = PageForms.open("/login", null);
        // The same browser opens other pages meanwhile (another tab, a live refetch): the token stays the same.
        Response second = given().cookie(PageForms.CSRF, first.csrfCookie()).get("/login");
        assertEquals(first.token(), PageForms.token(second.asString()));
        assertNull(second.getCookie(PageForms.CSRF), "a valid cookie is kept, not replaced");
        first.post().formParam("email", user.email()).formParam("password", Fixtures.PASSWORD).post("/login")
                .then().statusCode(303);
    }

    @Test
    void aFormPostWithoutAValidTokenIsRefusedWithAReadableMessage() {
        PageForms.Form form = PageForms.open("/login", null);
        given().redirects().follow(false).contentType(PageForms.FORM_URLENCODED).cookie(PageForms.CSRF, form.csrfCookie())
                .formParam(PageForms.CSRF, form.token() + "x").formParam("email", "a@example.org")
                .formParam("password", "irgendwas-langes").post("/login").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("Bitte laden Sie die Seite neu"));
        // A comment form of a signed-in member without the token stores nothing.
        long topic = Fixtures.freshTopic();
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("body", "Ohne Token")
                .post("/topics/" + topic + "/comments").then().statusCode(400);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void theCsrfKeyIsGeneratedIntoTheDataFolder() throws Exception {
        Path key = Path.of("target/test-data/csrf.key");
        assertTrue(Files.exists(key), "missing " + key.toAbsolutePath());
        assertEquals(32, Base64.getDecoder().decode(Files.readString(key).trim()).length);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
    }

    private static String basicUtf8(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long sessionsOf(Fixtures.User user) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> DeviceSession.count("account.id", user.id()));
    }
}
