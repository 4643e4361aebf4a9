package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;

/** The "Deutsch / English" switch in the layout and the order in which a reader's language is chosen. */
@QuarkusTest
class LanguageSwitchTest {

    @Test
    void theSwitchRemembersTheChoiceForAYearAndReturnsToThePage() {
        long topic = Fixtures.thesis(1);
        Response response = given().redirects().follow(false).queryParam("lang", "en")
                .queryParam("next", "/topics/" + topic + "?frage=2").get("/language");
        response.then().statusCode(303).header("Location", endsWith("/topics/" + topic + "?frage=2"));
        String cookie = PageForms.setCookieHeader(response, Languages.COOKIE);
        assertNotNull(cookie, "the choice is remembered");
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(cookie.startsWith("tf_lang=en;"), cookie);
        assertTrue(lower.contains("max-age=31536000"), cookie);
        assertTrue(lower.contains("path=/"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
        assertFalse(lower.contains("secure"), "not Secure without HTTPS: " + cookie);

        given().cookie(Languages.COOKIE, "en").get("/topics/" + topic).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("<h2 id=\"thread-heading\""));
        Response back = given().redirects().follow(false).queryParam("lang", "de").queryParam("next", "/")
                .get("/language");
        back.then().statusCode(303);
        assertTrue(PageForms.setCookieHeader(back, Languages.COOKIE).startsWith("tf_lang=de;"));
    }

    @Test
    void theCookieIsSecureWhenTheForumIsServedOverHttps() {
        NewCookie secure = LanguageSwitch.cookie(Locale.ENGLISH, true);
        assertTrue(secure.isSecure());
        assertEquals("en", secure.getValue());
        assertEquals(NewCookie.SameSite.LAX, secure.getSameSite());
        assertFalse(LanguageSwitch.cookie(Locale.GERMAN, false).isSecure());
    }

    @Test
    void aForeignOrMalformedReturnAddressLeadsToTheStartPage() {
        for (String next : new String[] {"https://evil.example", "https://evil.example/topics/1", "//evil.example",
                "/\\evil.example", "\\\\evil.example", "evil.example", "/\r\nSet-Cookie:x=y", "javascript:alert(1)", ""}) {
            Response response = given().redirects().follow(false).queryParam("lang", "en").queryParam("next", next)
                    .get("/language");
            response.then().statusCode(303)
                    .header("Location", allOf(endsWith("/"), not(containsString("evil")), not(containsString("x=y"))));
            assertTrue(PageForms.setCookieHeader(response, Languages.COOKIE).startsWith("tf_lang=en;"), next);
        }
        given().redirects().follow(false).queryParam("lang", "en").get("/language").then().statusCode(303)
                .header("Location", endsWith("/"));
    }

    @Test
    void aLanguageTheForumDoesNotOfferIs400AndRemembersNothing() {
        for (String lang : new String[] {"fr", "EN", "en-GB", "", "<b>"}) {
            Response response = given().redirects().follow(false).queryParam("lang", lang).queryParam("next", "/")
                    .get("/language");
            response.then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("Diese Sprache gibt es hier nicht."));
            assertNull(PageForms.setCookieHeader(response, Languages.COOKIE), lang);
        }
        given().redirects().follow(false).get("/language").then().statusCode(400);
        given().redirects().follow(false).header("Accept-Language", "en").queryParam("lang", "fr").get("/language")
                .then().statusCode(400).body(containsString("This language is not offered here."));
    }

    @Test
    void theCookieWinsOverAcceptLanguageAndWithoutEitherThePagesAreGerman() {
        given().get("/").then().statusCode(200).body(containsString("<html lang=\"de\">"));
        given().header("Accept-Language", "en-US,en;q=0.9").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
        given().cookie(Languages.COOKIE, "de").header("Accept-Language", "en").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"de\">"));
        given().cookie(Languages.COOKIE, "en").header("Accept-Language", "de").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("<h1>Sign in</h1>"));
        // a cookie that names no offered language is ignored
        given().cookie(Languages.COOKIE, "fr").header("Accept-Language", "en").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void everyPageShowsTheSwitchWithTheCurrentLanguageAsTextAndTheOtherAsALinkBackToThePage() {
        long topic = Fixtures.thesis(1);
        given().get("/topics/" + topic + "?frage=2").then().statusCode(200).body(
                containsString("<strong aria-current=\"true\" lang=\"de\">Deutsch</strong>"),
                containsString("<a href=\"/language?lang=en&amp;next=%2Ftopics%2F" + topic + "%3Ffrage%3D2\""
                        + " lang=\"en\" hreflang=\"en\">English</a>"));
        given().urlEncodingEnabled(false).header("Accept-Language", "en").get("/login?next=%2Faccount").then().statusCode(200).body(
                containsString("<strong aria-current=\"true\" lang=\"en\">English</strong>"),
                containsString("<a href=\"/language?lang=de&amp;next=%2Flogin%3Fnext%3D%252Faccount\""
                        + " lang=\"de\" hreflang=\"de\">Deutsch</a>"));
        // error pages rendered by the exception mappers have it too
        given().get("/topics/999999999").then().statusCode(404)
                .body(containsString("href=\"/language?lang=en&amp;next=%2Ftopics%2F999999999\""));
    }

    @Test
    void aRefusedFormsSwitchReturnsToThePageOfTheFormNotItsPostAddress() {
        long topic = Fixtures.freshTopic();
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.Form form = PageForms.open("/topics/" + topic, session);
        form.post().formParam("body", " ").post("/topics/" + topic + "/comments").then().statusCode(422)
                .body(containsString("href=\"/language?lang=en&amp;next=%2Ftopics%2F" + topic + "\""));
    }
}
