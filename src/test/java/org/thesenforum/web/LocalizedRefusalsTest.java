package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

/**
 * The same refusal in German and in English: problem bodies of the API and the pages that show refusals follow the
 * language cookie, else the browser's Accept-Language, else German; the shape of the problem stays the same.
 */
@QuarkusTest
class LocalizedRefusalsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void apiRefusalIsGermanByDefaultAndEnglishForAcceptLanguageEn() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        postBlank(expert.as(), topic).statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422)).body("title", equalTo("Unprocessable Content"))
                .body("field", equalTo("body")).body("detail", equalTo("Das Feld darf nicht leer sein."))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("Das Feld darf nicht leer sein."));
        postBlank(expert.as().header("Accept-Language", "en-GB,en;q=0.9"), topic).statusCode(422)
                .contentType(PROBLEM).body("status", equalTo(422)).body("title", equalTo("Unprocessable Content"))
                .body("field", equalTo("body")).body("detail", equalTo("This field must not be empty."))
                .body("errors[0].message", equalTo("This field must not be empty."));
        postBlank(expert.as().header("Accept-Language", "fr"), topic).statusCode(422)
                .body("detail", equalTo("Das Feld darf nicht leer sein."));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void aCommentOfCharactersThatShowNothingIsRefusedAsEmpty() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        for (String invisible : new String[] { "\\u200D\\u200D\\u200D", "\\u3164", "\\u2800 \\u00AD",
                "\\uDB40\\uDC41\\uDB40\\uDC42" }) {
            expert.as().body("{\"body\": \"" + invisible + "\"}").post("/api/topics/" + topic + "/comments").then()
                    .statusCode(422).contentType(PROBLEM).body("field", equalTo("body"))
                    .body("detail", equalTo("Das Feld darf nicht leer sein."));
        }
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void apiRefusalFollowsTheLanguageCookieBeforeAcceptLanguage() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        postBlank(expert.as().cookie(Languages.COOKIE, "en"), topic).statusCode(422)
                .body("detail", equalTo("This field must not be empty."));
        postBlank(expert.as().cookie(Languages.COOKIE, "de").header("Accept-Language", "en"), topic).statusCode(422)
                .body("detail", equalTo("Das Feld darf nicht leer sein."));
    }

    @Test
    void everyKindOfApiRefusalSpeaksEnglish() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        // a feature's own refusal (comment bundle), with its status
        english(expert.as()).get("/api/comments/999999999").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("The comment was not found."));
        // a refused JSON body names the field in English
        english(expert.as()).body("{\"body\": {\"x\": 1}}").post("/api/topics/" + topic + "/comments").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("body"))
                .body("detail", equalTo("The field “body” expects text."));
        english(expert.as()).body("{\"body\": \"x\", \"farbe\": 1}").post("/api/topics/" + topic + "/comments")
                .then().statusCode(400).body("field", equalTo("farbe"))
                .body("detail", equalTo("The field “farbe” is unknown."));
        // not signed in, cross-site, not JSON, no such address
        english(given()).contentType("application/json").body("{\"body\": \"x\"}")
                .post("/api/topics/" + topic + "/comments").then().statusCode(401)
                .body("detail", equalTo("Please sign in."));
        english(expert.as()).header("Origin", "https://evil.example").body("{\"body\": \"x\"}")
                .post("/api/topics/" + topic + "/comments").then().statusCode(403)
                .body("detail", equalTo("Writes from other sites are not allowed."));
        english(expert.as()).contentType("text/plain").body("x").post("/api/topics/" + topic + "/comments").then()
                .statusCode(415).body("detail", equalTo("This format is not accepted; please send application/json."));
        english(given()).get("/api/gibt-es-nicht").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("This page or resource does not exist."));
        // refused by the HTTP layer before any REST code runs
        english(expert.as()).body("{\"body\": \"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/topics/" + topic + "/comments").then().statusCode(413).contentType(PROBLEM)
                .body("detail", equalTo("The request is too large (at most 64 KB)."));
        expert.as().cookie(Languages.COOKIE, "en").body("{\"body\": \"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/topics/" + topic + "/comments").then().statusCode(413)
                .body("detail", equalTo("The request is too large (at most 64 KB)."));
        // the account feature's own refusal, with a number in it
        english(given()).contentType("application/json")
                .body("{\"invitationCode\": \"x\", \"displayName\": \"Kim\", \"email\": \"kim@example.org\","
                        + " \"password\": \"kurz\"}")
                .post("/api/accounts").then().statusCode(422).body("field", equalTo("password"))
                .body("detail", equalTo("The password needs at least 10 characters."));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void aRefusedFormShowsItsMessageInTheLanguageOfTheCookie() {
        String code = invitation();
        Form form = PageForms.open("/register?code=" + code, null);
        register(form.post().cookie(Languages.COOKIE, "en"), code).then().statusCode(422)
                .body(containsString("<html lang=\"en\">"),
                        containsString("<p id=\"password-error\" class=\"notice notice-error\" role=\"alert\">"
                                + "The password needs at least 10 characters.</p>"),
                        containsString("<label for=\"password\">Password</label>"),
                        not(containsString("Passwort braucht")));
        register(form.post(), code).then().statusCode(422)
                .body(containsString("<html lang=\"de\">"),
                        containsString("Das Passwort braucht mindestens 10 Zeichen."));
        register(form.post().header("Accept-Language", "en"), code).then().statusCode(422)
                .body(containsString("The password needs at least 10 characters."));
    }

    @Test
    void aRefusedCommentFormOnTheTopicPageSpeaksEnglish() {
        long topic = Fixtures.freshTopic();
        User expert = Fixtures.expert();
        String session = PageForms.signIn(expert);
        Form form = PageForms.open("/topics/" + topic, session);
        form.post().cookie(Languages.COOKIE, "en").formParam("body", "  ").post("/topics/" + topic + "/comments")
                .then().statusCode(422).body(containsString("<html lang=\"en\">"),
                        containsString("id=\"new-comment-error\">This field must not be empty.</p>"));
    }

    @Test
    void errorPagesAndTheirChromeFollowTheReader() {
        english(given().cookie(Languages.COOKIE, "en")).get("/topics/999999999").then().statusCode(404)
                .body(containsString("<html lang=\"en\">"), containsString("<h1>Error 404</h1>"),
                        containsString("The topic was not found."), containsString("Back to the start page"));
        given().get("/topics/999999999").then().statusCode(404)
                .body(containsString("<html lang=\"de\">"), containsString("<h1>Fehler 404</h1>"),
                        containsString("Das Thema wurde nicht gefunden."));
        english(given()).get("/gibt-es-nicht").then().statusCode(404)
                .body(containsString("<html lang=\"en\">"), containsString("This page or resource does not exist."));
        // a form without its CSRF token, refused by a filter before any page code runs
        english(given()).redirects().follow(false).contentType(PageForms.FORM_URLENCODED)
                .formParam("email", "x@example.org").post("/login").then().statusCode(400)
                .body(containsString("<html lang=\"en\">"), containsString("The form has expired"));
    }

    private static RequestSpecification english(RequestSpecification request) {
        return request.header("Accept-Language", "en");
    }

    private static ValidatableResponse postBlank(RequestSpecification request, long topic) {
        return request.body("{\"body\": \"  \"}").post("/api/topics/" + topic + "/comments").then();
    }

    private static Response register(RequestSpecification form, String code) {
        return form.formParam("code", code).formParam("displayName", "Kim Lang " + System.nanoTime())
                .formParam("email", "kim-" + System.nanoTime() + "@example.org")
                .formParam("password", "zu-kurz").formParam("passwordRepeat", "zu-kurz").post("/register");
    }

    private static String invitation() {
        return Fixtures.moderator().as().body("{}").post("/api/invitations").then().statusCode(201)
                .extract().path("code");
    }
}
