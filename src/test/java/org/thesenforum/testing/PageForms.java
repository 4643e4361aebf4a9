package org.thesenforum.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.thesenforum.account.SessionCookies;

/** Drives HTML forms like a browser: takes the CSRF cookie and hidden token from a page and posts them back. */
public final class PageForms {

    public static final String CSRF = "csrf-token";
    public static final String FORM_URLENCODED = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern TOKEN = Pattern.compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");

    private PageForms() {
    }

    /** The CSRF cookie and form token of a page, and the session cookie it was opened with (may be null). */
    public record Form(String csrfCookie, String token, String session) {

        /** A form post that carries both cookies and the token field; add fields with {@code formParam}. */
        public RequestSpecification post() {
            return with().contentType(FORM_URLENCODED).formParam(CSRF, token);
        }

        /** Cookies only, for requests that bring their own body (e.g. multipart). */
        public RequestSpecification with() {
            RequestSpecification spec = given().redirects().follow(false).cookie(CSRF, csrfCookie);
            return session == null ? spec : spec.cookie(SessionCookies.NAME, session);
        }
    }

    /** A request that does not follow redirects, signed in with the session cookie when it is not null. */
    public static RequestSpecification browser(String session) {
        RequestSpecification spec = given().redirects().follow(false);
        return session == null ? spec : spec.cookie(SessionCookies.NAME, session);
    }

    /** Opens a page and takes the CSRF cookie it sets and the token of its forms. */
    public static Form open(String path, String session) {
        Response page = browser(session).get(path);
        String cookie = page.getCookie(CSRF);
        assertNotNull(cookie, "no CSRF cookie on " + path + " (status " + page.statusCode() + ")");
        return new Form(cookie, token(page.asString()), session);
    }

    public static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token field in the page:\n" + html);
        }
        return m.group(1);
    }

    /** Signs in through the login form and returns the session cookie value. */
    public static String signIn(String email, String password) {
        Response response = open("/login", null).post()
                .formParam("email", email).formParam("password", password).post("/login");
        response.then().statusCode(303);
        String session = response.getCookie(SessionCookies.NAME);
        assertNotNull(session, "no session cookie after signing in as " + email);
        return session;
    }

    public static String signIn(Fixtures.User user) {
        return signIn(user.email(), Fixtures.PASSWORD);
    }

    /** The raw Set-Cookie header for a cookie name, or null. */
    public static String setCookieHeader(Response response, String name) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "=")).findFirst().orElse(null);
    }
}
