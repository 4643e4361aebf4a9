package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

@QuarkusTest
class LoginPagesTest {

    private static final String NEW_PASSWORD = "ein-langes-passwort";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    LoginThrottle throttle;

    @AfterEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    @Test
    void loginPageRendersGermanLabelsAndACsrfField() {
        Response page = given().get("/login");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("<label for=\"email\">E-Mail-Adresse</label>"))
                .body(containsString("<label for=\"password\">Passwort</label>"))
                .body(containsString("<input type=\"hidden\" name=\"next\" value=\"/\">"));
        assertNotNull(page.getCookie(PageForms.CSRF));
        assertEquals(page.getCookie(PageForms.CSRF), PageForms.token(page.asString()));
        // The token carries its own signature: random part, a dot, HMAC.
        assertTrue(PageForms.token(page.asString()).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"));
    }

    @Test
    void loginPageSpeaksEnglishWhenAsked() {
        given().header("Accept-Language", "en").get("/login").then().statusCode(200)
                .body(containsString("<label for=\"email\">E-mail address</label>"));
    }

    @Test
    void rightPasswordSetsAnHttpOnlyLaxSessionCookieAndRedirects() {
        Fixtures.User user = Fixtures.expert();
        Response response = PageForms.open("/login?next=/account", null).post()
                .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD)
                .formParam("next", "/account").post("/login");
        response.then().statusCode(303).header("Location", endsWith("/account"));
        String cookie = PageForms.setCookieHeader(response, SessionCookies.NAME);
        assertNotNull(cookie);
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
        assertTrue(lower.contains("path=/"), cookie);
        assertTrue(!lower.contains("secure"), "not Secure without HTTPS: " + cookie);

        PageForms.browser(response.getCookie(SessionCookies.NAME)).get("/api/me").then().statusCode(200)
                .body("email", equalTo(user.email()));
    }

    @Test
    void emailIsMatchedWithoutRegardToCase() {
        Fixtures.User user = Fixtures.expert();
        PageForms.open("/login", null).post()
                .formParam("email", "  " + user.email().toUpperCase() + " ").formParam("password", Fixtures.PASSWORD)
                .post("/login").then().statusCode(303);
    }

    @Test
    void wrongPasswordIs401WithoutCookieAndKeepsTheEmail() {
        Fixtures.User user = Fixtures.expert();
        Response response = PageForms.open("/login", null).post()
                .formParam("email", user.email()).formParam("password", "falsches-passwort-123")
                .post("/login");
        response.then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("role=\"alert\">E-Mail oder Passwort ist falsch.</p>"))
                .body(containsString("value=\"" + user.email() + "\""))
                .body(containsString("aria-describedby=\"login-error\""))
                .body(not(containsString("falsches-passwort-123")));
        assertNull(PageForms.setCookieHeader(response, SessionCookies.NAME));
    }

    @Test
    void unknownEmailIsTheSame401() {
        PageForms.open("/login", null).post()
                .formParam("email", "niemand@example.org").formParam("password", Fixtures.PASSWORD)
                .post("/login").then().statusCode(401)
                .body(containsString("E-Mail oder Passwort ist falsch."));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        Fixtures.User user = Fixtures.expert();
        Response withoutAnything = given().redirects().follow(false).contentType(PageForms.FORM_URLENCODED)
                .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD).post("/login");
        withoutAnything.then().statusCode(400);
        assertNull(PageForms.setCookieHeader(withoutAnything, SessionCookies.NAME));

        Form form = PageForms.open("/login", null);
        Response wrongToken = form.with().contentType(PageForms.FORM_URLENCODED)
                .formParam(PageForms.CSRF, "x" + form.token())
                .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD).post("/login");
        wrongToken.then().statusCode(400);
        assertNull(PageForms.setCookieHeader(wrongToken, SessionCookies.NAME));

        given().redirects().follow(false).contentType("text/plain").body("email=" + user.email())
                .post("/login").then().statusCode(415);
    }

    @Test
    void onlyLocalPathsAreHonouredAsRedirectTargets() {
        Fixtures.User user = Fixtures.expert();
        for (String next : new String[] {"//evil.example", "https://evil.example/", "/\\evil.example", "evil",
                "/\r\nSet-Cookie:x=y", "javascript:alert(1)"}) {
            PageForms.open("/login", null).post()
                    .formParam("email", user.email()).formParam("password", Fixtures.PASSWORD)
                    .formParam("next", next).post("/login")
                    .then().statusCode(303)
                    .header("Location", allOf(endsWith("/"), not(containsString("evil")), not(containsString("x=y"))));
        }
        given().queryParam("next", "//evil.example").get("/login").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/\""));
        given().queryParam("next", "/discussions/x?a").get("/login").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/discussions/x?a\""));
    }

    @Test
    void logoutClearsTheCookieAndEndsTheSession() {
        Fixtures.User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        Response response = PageForms.open("/account", session).post().post("/logout");
        response.then().statusCode(303).header("Location", endsWith("/"));
        String cleared = PageForms.setCookieHeader(response, SessionCookies.NAME);
        assertNotNull(cleared);
        assertTrue(cleared.startsWith(SessionCookies.NAME + "=;") || cleared.toLowerCase().contains("max-age=0"),
                cleared);
        PageForms.browser(session).get("/api/me").then().statusCode(401);
    }

    @Test
    void accountPageShowsTheOwnDataWithTheRoleInGerman() {
        Fixtures.User expert = Fixtures.expert();
        PageForms.browser(PageForms.signIn(expert)).get("/account").then().statusCode(200)
                .body(containsString("<h1>Mein Konto</h1>"))
                .body(containsString(expert.email()))
                .body(containsString("Quartiersbüro Test"))
                .body(containsString("Hannover-Linden"))
                .body(containsString("Expertin/Experte"));
        PageForms.browser(PageForms.signIn(Fixtures.moderator())).get("/account").then().statusCode(200)
                .body(containsString("<dd>Moderation</dd>"));
        PageForms.browser(PageForms.signIn(Fixtures.admin())).get("/account").then().statusCode(200)
                .body(containsString("<dd>Administration</dd>"));
    }

    @Test
    void anonymousAccountPageRedirectsToTheLogin() {
        given().redirects().follow(false).get("/account").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Faccount"));
    }

    // ------------------------------------------------------------------ registration

    @Test
    void registeringWithAValidInvitationSignsTheNewPersonIn() {
        String code = invitation();
        Form form = PageForms.open("/register?code=" + code, null);
        PageForms.browser(null).get("/register?code=" + code).then().statusCode(200)
                .body(containsString("<label for=\"displayName\">Name</label>"))
                .body(containsString("Bitte mindestens 10 Zeichen verwenden."))
                .body(containsString("<label for=\"passwordRepeat\">Passwort wiederholen</label>"))
                .body(containsString("name=\"code\" value=\"" + code + "\""));
        String email = "neu-" + System.nanoTime() + "@example.org";
        Response response = register(form, code, email, NEW_PASSWORD, NEW_PASSWORD);
        response.then().statusCode(303).header("Location", endsWith("/"));
        String session = response.getCookie(SessionCookies.NAME);
        assertNotNull(session);
        PageForms.browser(session).get("/api/me").then().statusCode(200)
                .body("email", equalTo(email)).body("role", equalTo("EXPERT"))
                .body("displayName", startsWith("Erika Muster ")).body("place", equalTo("Linden-Süd"));
    }

    @Test
    void aSingleUseCodeCannotBeUsedTwice() {
        String code = invitation();
        Form form = PageForms.open("/register?code=" + code, null);
        register(form, code, "erste-" + System.nanoTime() + "@example.org", NEW_PASSWORD, NEW_PASSWORD)
                .then().statusCode(303);

        given().get("/register?code=" + code).then().statusCode(409)
                .body(containsString("Diese Einladung wurde bereits verwendet."))
                .body(not(containsString("name=\"password\"")));
        Response second = register(form, code, "zweite-" + System.nanoTime() + "@example.org", NEW_PASSWORD,
                NEW_PASSWORD);
        second.then().statusCode(409).body(containsString("Diese Einladung wurde bereits verwendet."));
        assertNull(PageForms.setCookieHeader(second, SessionCookies.NAME));
    }

    @Test
    void anUnknownCodeShowsAMessageInsteadOfTheForm() {
        given().get("/register?code=gibt-es-nicht").then().statusCode(422)
                .body(containsString("role=\"alert\">Diese Einladung ist unbekannt."))
                .body(not(containsString("name=\"password\"")));
        given().get("/register").then().statusCode(422).body(containsString("Diese Einladung ist unbekannt."));
    }

    @Test
    void anExpiredCodeShowsAMessageInsteadOfTheForm() {
        String code = invitation();
        QuarkusTransaction.requiringNew().run(() ->
                Invitation.update("expiresAt = ?1 where code = ?2", Instant.now().minusSeconds(60), code));
        given().get("/register?code=" + code).then().statusCode(409)
                .body(containsString("Diese Einladung ist abgelaufen."))
                .body(not(containsString("name=\"password\"")));
    }

    @Test
    void aRefusedRegistrationKeepsTheEntriesAndNamesTheField() {
        String code = invitation();
        Form form = PageForms.open("/register?code=" + code, null);
        String email = "kurz-" + System.nanoTime() + "@example.org";

        register(form, code, email, "zu-kurz", "zu-kurz").then().statusCode(422)
                .body(containsString("<p id=\"password-error\" class=\"notice notice-error\" role=\"alert\">"
                        + "Das Passwort braucht mindestens 10 Zeichen.</p>"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"password-hint password-error\""))
                .body(containsString("value=\"" + email + "\""))
                .body(containsString("value=\"Erika Muster "))
                .body(containsString("value=\"Linden-Süd\""))
                .body(not(containsString("zu-kurz")));

        register(form, code, email, NEW_PASSWORD, NEW_PASSWORD + "x").then().statusCode(422)
                .body(containsString("id=\"passwordRepeat-error\""))
                .body(containsString("Die beiden Passwörter stimmen nicht überein."))
                .body(not(containsString(NEW_PASSWORD)));

        register(form, code, "keine-adresse", NEW_PASSWORD, NEW_PASSWORD).then().statusCode(422)
                .body(containsString("<p id=\"email-error\" class=\"notice notice-error\" role=\"alert\">"
                        + "Bitte eine gültige E-Mail-Adresse angeben.</p>"));

        Fixtures.User taken = Fixtures.expert();
        register(form, code, taken.email(), NEW_PASSWORD, NEW_PASSWORD).then().statusCode(409)
                .body(containsString("id=\"email-error\""))
                .body(containsString("Für diese E-Mail-Adresse gibt es schon ein Konto."));

        // None of the refusals used up the single-use invitation.
        given().get("/register?code=" + code).then().statusCode(200);
    }

    @Test
    void lookAlikesAreRefusedAtTheirFieldKeepingWhatWasTyped() {
        String code = invitation();
        String existing = "jonas.weber" + System.nanoTime() + "@example.org";
        String firstCode = invitation();
        Form first = PageForms.open("/register?code=" + firstCode, null);
        register(first, firstCode, "Jonas Weber " + NAMES.incrementAndGet(), existing, NEW_PASSWORD, NEW_PASSWORD)
                .then().statusCode(303);
        Form form = PageForms.open("/register?code=" + code, null);

        String lookalike = existing.replace("o", "\u043E"); // Cyrillic o
        String name = "Lotte Brandt " + NAMES.incrementAndGet();
        register(form, code, name, lookalike, NEW_PASSWORD, NEW_PASSWORD).then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("<p id=\"email-error\" class=\"notice notice-error\" role=\"alert\">"
                        + "Diese E-Mail-Adresse ähnelt zu sehr einer bereits registrierten Adresse. "
                        + "Bitte eine andere verwenden.</p>"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"email-error\""))
                .body(containsString("value=\"" + lookalike + "\""))
                .body(containsString("value=\"" + name + "\""))
                .body(containsString("value=\"Linden-Süd\""))
                .body(not(containsString(NEW_PASSWORD)))
                .body(not(containsString("id=\"form-error\"")));

        String email = "lotte.brandt" + System.nanoTime() + "@example.org";
        register(form, code, "\u0410dministration", email, NEW_PASSWORD, NEW_PASSWORD).then().statusCode(409)
                .body(containsString("<p id=\"displayName-error\" class=\"notice notice-error\" role=\"alert\">"
                        + "Dieser Name ähnelt zu sehr dem Namen eines bestehenden Kontos."))
                .body(containsString("aria-describedby=\"displayName-hint displayName-error\""))
                .body(containsString("value=\"\u0410dministration\""))
                .body(containsString("value=\"" + email + "\""))
                .body(not(containsString(NEW_PASSWORD)));

        // Neither refusal used up the single-use invitation.
        given().get("/register?code=" + code).then().statusCode(200);
        register(form, code, name, email, NEW_PASSWORD, NEW_PASSWORD).then().statusCode(303);
    }

    @Test
    void registrationFormEscapesWhatWasTyped() {
        String code = invitation();
        Form form = PageForms.open("/register?code=" + code, null);
        form.post().formParam("code", code).formParam("displayName", "\"><script>alert(1)</script>")
                .formParam("email", "a@example.org").formParam("password", "kurz").formParam("passwordRepeat", "kurz")
                .post("/register").then().statusCode(422)
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&quot;&gt;&lt;script&gt;"));
    }

    private static Response register(Form form, String code, String email, String password, String repeat) {
        // Display names must not look alike, so each registration brings its own.
        return register(form, code, "Erika Muster " + NAMES.incrementAndGet(), email, password, repeat);
    }

    private static Response register(Form form, String code, String displayName, String email, String password,
            String repeat) {
        return form.post().formParam("code", code).formParam("displayName", displayName)
                .formParam("email", email).formParam("organisation", "Nachbarschaftsladen")
                .formParam("place", "Linden-Süd").formParam("password", password)
                .formParam("passwordRepeat", repeat).post("/register");
    }

    /** A single-use invitation created through the API by a moderator. */
    static String invitation() {
        return Fixtures.moderator().as().body("{}").post("/api/invitations").then().statusCode(201)
                .body("url", startsWith("http")).extract().path("code");
    }
}
