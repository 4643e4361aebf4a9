package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.PageForms;

/** "Mein Konto" and the pages of "Passwort vergessen?", driven as a browser without JavaScript would. */
@QuarkusTest
class ProfilePagesTest {

    private static final String NEW_PASSWORD = "seite-neues-passwort";

    @TestHTTPResource("/")
    URI base;
    @Inject
    MockMailbox mailbox;
    @Inject
    ResetLimiter limiter;
    @Inject
    LoginThrottle loginThrottle;

    @BeforeEach
    void fresh() {
        mailbox.clear();
        limiter.reset();
    }

    @AfterEach
    void forget() {
        loginThrottle.reset();
        limiter.reset();
    }

    @Test
    void everyRoleSeesItsFormsOnMeinKonto() {
        for (User user : List.of(Fixtures.expert(), Fixtures.moderator(), Fixtures.admin())) {
            PageForms.browser(PageForms.signIn(user)).get("/account").then().statusCode(200)
                    .body(containsString("<h1>Mein Konto</h1>"))
                    .body(containsString("action=\"/account/profile\""))
                    .body(containsString("action=\"/account/password\""))
                    .body(containsString("action=\"/account/settings\""))
                    .body(containsString("Meinen Namen bei „Wer ist da“ zeigen"))
                    .body(containsString("dieses Gerät"))
                    .body(containsString("href=\"/api/me/export\""))
                    .body(containsString("Meine Beiträge"))
                    .body(containsString("Meine Forderungen"));
        }
    }

    @Test
    void theProfileFormSavesAndARefusalKeepsWhatWasTyped() {
        User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        String name = "Seitenname " + System.nanoTime();
        PageForms.open("/account", session).post().formParam("displayName", name)
                .formParam("organisation", "Stadtteilbüro").formParam("place", "").post("/account/profile").then()
                .statusCode(303).header("Location", containsString("/account?done=profile"));
        PageForms.browser(session).get("/account?done=profile").then().statusCode(200)
                .body(containsString("Ihre Angaben sind gespeichert."))
                .body(containsString("value=\"" + name + "\""))
                .body(containsString("value=\"Stadtteilbüro\""));
        user.as().get("/api/me").then().body("place", equalTo(null));

        PageForms.open("/account", session).post().formParam("displayName", " ")
                .formParam("organisation", "Getippt <b>fett</b>").formParam("place", "Linden")
                .post("/account/profile").then().statusCode(422)
                .body(containsString("id=\"displayName-error\""))
                .body(containsString("value=\"Getippt &lt;b&gt;fett&lt;/b&gt;\""));
        user.as().get("/api/me").then().body("displayName", equalTo(name));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String session = PageForms.signIn(Fixtures.expert());
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("displayName", "X")
                .post("/account/profile").then().statusCode(400);
    }

    @Test
    void changingThePasswordOnThePageKeepsThisDeviceAndEndsTheOther() {
        User user = Fixtures.expert();
        String here = PageForms.signIn(user);
        String there = PageForms.signIn(user);
        PageForms.open("/account", here).post().formParam("current", Fixtures.PASSWORD)
                .formParam("new", NEW_PASSWORD).formParam("repeat", "anders-anders").post("/account/password")
                .then().statusCode(422).body(containsString("stimmen nicht überein"));
        PageForms.open("/account", here).post().formParam("current", "falsch-falsch")
                .formParam("new", NEW_PASSWORD).formParam("repeat", NEW_PASSWORD).post("/account/password")
                .then().statusCode(403).body(containsString("id=\"current-error\""));
        PageForms.browser(there).get("/api/me").then().statusCode(200);
        PageForms.open("/account", here).post().formParam("current", Fixtures.PASSWORD)
                .formParam("new", NEW_PASSWORD).formParam("repeat", NEW_PASSWORD).post("/account/password")
                .then().statusCode(303);
        PageForms.browser(here).get("/account?done=password").then().statusCode(200)
                .body(containsString("Ihr Passwort ist geändert"));
        PageForms.browser(there).get("/api/me").then().statusCode(401);
        PageForms.signIn(user.email(), NEW_PASSWORD);
    }

    @Test
    void aPasswordChangeClosesTheOtherDevicesLiveConnectionOnly() {
        User user = Fixtures.expert();
        String here = PageForms.signIn(user);
        String there = PageForms.signIn(user);
        try (LiveClient hereSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, here);
                LiveClient thereSocket = LiveClient.connectWithCookie(base, Fixtures.SLUG, null, there)) {
            PageForms.open("/account", here).post().formParam("current", Fixtures.PASSWORD)
                    .formParam("new", NEW_PASSWORD).formParam("repeat", NEW_PASSWORD).post("/account/password")
                    .then().statusCode(303);
            assertEquals(4401, thereSocket.awaitClose());
            // Sockets of ended sessions are closed before the request returns; this device's stays open.
            assertNull(hereSocket.closeCode());
        }
    }

    @Test
    void theSettingsFormStoresMailAndPresenceChoices() {
        User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        PageForms.open("/account", session).post().formParam("emailNotifications", "DIGEST")
                .formParam("digestHour", "19").formParam("showPresence", "on").post("/account/settings").then()
                .statusCode(303);
        user.as().get("/api/me").then().body("emailNotifications", equalTo("DIGEST"))
                .body("digestHour", equalTo(19)).body("showPresence", equalTo(true));
        PageForms.browser(session).get("/account").then()
                .body(containsString("value=\"DIGEST\" checked"))
                .body(containsString("<option value=\"19\" selected>19 Uhr</option>"))
                .body(containsString("name=\"showPresence\" value=\"on\" checked"));
        // An unticked box is not sent: the name is hidden again.
        PageForms.open("/account", session).post().formParam("emailNotifications", "OFF")
                .formParam("digestHour", "19").post("/account/settings").then().statusCode(303);
        user.as().get("/api/me").then().body("emailNotifications", equalTo("OFF"))
                .body("showPresence", equalTo(false));
        PageForms.open("/account", session).post().formParam("emailNotifications", "OFF")
                .formParam("digestHour", "25").post("/account/settings").then().statusCode(422)
                .body(containsString("id=\"settings-error\""));
        PageForms.open("/account", session).post().formParam("emailNotifications", "WEEKLY")
                .post("/account/settings").then().statusCode(422)
                .body(containsString("Bitte eine der angebotenen Möglichkeiten wählen."));
    }

    @Test
    void aDeviceIsSignedOutFromTheList() {
        User user = Fixtures.expert();
        String here = PageForms.signIn(user);
        String there = PageForms.signIn(user);
        Number other = PageForms.browser(there).get("/api/me/sessions").then().extract()
                .path("find { it.current }.id");
        PageForms.open("/account", here).post().post("/account/sessions/" + other + "/end").then().statusCode(303)
                .header("Location", containsString("done=session"));
        PageForms.browser(there).get("/api/me").then().statusCode(401);
        PageForms.browser(here).get("/api/me").then().statusCode(200);
        PageForms.open("/account", here).post().post("/account/sessions/" + other + "/end").then().statusCode(404);
    }

    @Test
    void mySectionsLinkToMyCommentsAndDemands() {
        User user = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, user, "Quartiersfonds für alle Stadtteile", null);
        PageForms.browser(PageForms.signIn(user)).get("/account").then().statusCode(200)
                .body(containsString("href=\"/topics/" + topic + "#c" + comment + "\""))
                .body(containsString("Quartiersfonds für alle Stadtteile"))
                .body(containsString("Sie haben noch keine Forderungen vorgeschlagen."));
        // Someone else does not see them on their page.
        PageForms.browser(PageForms.signIn(Fixtures.expert())).get("/account").then()
                .body(not(containsString("#c" + comment + "\"")));
    }

    @Test
    void deletingOnThePageNeedsThePasswordAndSignsOut() {
        User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        PageForms.open("/account", session).post().formParam("password", "falsch-falsch").post("/account/delete")
                .then().statusCode(403).body(containsString("id=\"delete-password-error\""));
        Response deleted = PageForms.open("/account", session).post().formParam("password", Fixtures.PASSWORD)
                .post("/account/delete");
        deleted.then().statusCode(200).body(containsString("Ihr Konto ist gelöscht"));
        PageForms.browser(session).get("/api/me").then().statusCode(401);
    }

    @Test
    void theLoginPageLeadsToAForgotFormThatMailsALinkWhichSetsAPassword() {
        User user = Fixtures.expert();
        given().get("/login").then().body(containsString("href=\"/password-reset\""))
                .body(containsString("Passwort vergessen?"));
        PageForms.open("/password-reset", null).post().formParam("email", user.email()).post("/password-reset")
                .then().statusCode(200).body(containsString("Wenn es ein Konto mit dieser Adresse gibt"));
        String unknown = "nie-" + System.nanoTime() + "@example.org";
        PageForms.open("/password-reset", null).post().formParam("email", unknown).post("/password-reset")
                .then().statusCode(200).body(containsString("Wenn es ein Konto mit dieser Adresse gibt"));
        PageForms.open("/password-reset", null).post().formParam("email", "quatsch").post("/password-reset")
                .then().statusCode(422).body(containsString("id=\"forgot-error\""));
        List<Mail> mails = mailsTo(user.email());
        assertEquals(1, mails.size());
        assertTrue(mailbox.getMailsSentTo(unknown).isEmpty());
        Matcher m = Pattern.compile("/password-reset/([A-Za-z0-9_-]+)").matcher(mails.get(0).getText());
        assertTrue(m.find());
        String path = "/password-reset/" + m.group(1);

        given().get(path).then().statusCode(200).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(containsString("name=\"password\""));
        PageForms.open(path, null).post().formParam("password", NEW_PASSWORD).formParam("repeat", "anders")
                .post(path).then().statusCode(422).body(containsString("stimmen nicht überein"));
        PageForms.open(path, null).post().formParam("password", NEW_PASSWORD).formParam("repeat", NEW_PASSWORD)
                .post(path).then().statusCode(200).body(containsString("Ihr neues Passwort ist gespeichert"));
        PageForms.signIn(user.email(), NEW_PASSWORD);
        given().get(path).then().statusCode(410).body(containsString("schon benutzt"))
                .body(containsString("href=\"/password-reset\""));
        given().get("/password-reset/unbekannt").then().statusCode(404);
    }

    @Test
    void theForgotPagesSpeakEnglishToEnglishReaders() {
        given().header("Accept-Language", "en").get("/password-reset").then().statusCode(200)
                .body(containsString("Forgotten password"));
        given().header("Accept-Language", "en").get("/login").then().body(containsString("Forgot your password?"));
        given().redirects().follow(false).get("/account").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Faccount"));
    }

    /** The mails sent to {@code to}, once at least one arrived: they are handed over without waiting. */
    private List<Mail> mailsTo(String to) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(to), mails -> mails != null && !mails.isEmpty());
    }
}
