package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/** The account's own API: {@code /api/me}, its password, sessions and the role matrix. */
@QuarkusTest
class ProfileResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NEW_PASSWORD = "ein-neues-passwort-42";

    @Inject
    LoginThrottle loginThrottle;

    @AfterEach
    void forgetFailedLogins() {
        loginThrottle.reset();
    }

    @Test
    void anonymousGets401OnEveryOwnAccountCall() {
        given().get("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("current", "x", "new", NEW_PASSWORD))
                .put("/api/me/password").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("password", "x")).delete("/api/me").then().statusCode(401);
        given().get("/api/me/export").then().statusCode(401);
        given().get("/api/me/sessions").then().statusCode(401);
        given().delete("/api/me/sessions/1").then().statusCode(401);
    }

    @Test
    void everyRoleReadsItsOwnProfileWithTheSettings() {
        for (User user : List.of(Fixtures.expert(), Fixtures.moderator(), Fixtures.admin())) {
            user.as().get("/api/me").then().statusCode(200)
                    .body("id", equalTo((int) user.id()))
                    .body("email", equalTo(user.email()))
                    .body("role", equalTo(user.role().name()))
                    .body("organisation", equalTo("Quartiersbüro Test"))
                    .body("place", equalTo("Hannover-Linden"))
                    .body("emailNotifications", equalTo("IMMEDIATE"))
                    .body("digestHour", equalTo(7))
                    .body("showPresence", equalTo(false));
        }
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        User user = Fixtures.expert();
        String name = "Profil " + System.nanoTime();
        user.as().body(Map.of("displayName", name)).patch("/api/me").then().statusCode(200)
                .body("displayName", equalTo(name))
                .body("organisation", equalTo("Quartiersbüro Test"))
                .body("emailNotifications", equalTo("IMMEDIATE"));
        user.as().body(Map.of("emailNotifications", "DIGEST", "digestHour", 18, "showPresence", true))
                .patch("/api/me").then().statusCode(200)
                .body("displayName", equalTo(name))
                .body("emailNotifications", equalTo("DIGEST"))
                .body("digestHour", equalTo(18))
                .body("showPresence", equalTo(true));
        user.as().get("/api/me").then().body("digestHour", equalTo(18)).body("place", equalTo("Hannover-Linden"));
    }

    @Test
    void explicitNullClearsOrganisationAndPlace() {
        User user = Fixtures.expert();
        Map<String, Object> body = new HashMap<>();
        body.put("organisation", null);
        body.put("place", null);
        user.as().body(body).patch("/api/me").then().statusCode(200)
                .body("organisation", nullValue()).body("place", nullValue())
                .body("displayName", containsString("Test Expert"));
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        User user = Fixtures.expert();
        user.as().body("{\"digestHour\": \"7\"}").patch("/api/me").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("digestHour"));
        user.as().body("{\"showPresence\": \"yes\"}").patch("/api/me").then().statusCode(400)
                .body("field", equalTo("showPresence"));
        user.as().body("{\"emailNotifications\": \"WEEKLY\"}").patch("/api/me").then().statusCode(400)
                .body("field", equalTo("emailNotifications"));
        user.as().body("{\"displayName\": 5}").patch("/api/me").then().statusCode(400)
                .body("field", equalTo("displayName"));
        user.as().body("{\"email\": \"x@example.org\"}").patch("/api/me").then().statusCode(400)
                .body("field", equalTo("email"));
        user.as().body("{\"digestHour\": null}").patch("/api/me").then().statusCode(422)
                .body("field", equalTo("digestHour"));
        user.as().body("{\"digestHour\": 24}").patch("/api/me").then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("digestHour")).body("detail", containsString("23"));
        user.as().body("{\"displayName\": \"  \"}").patch("/api/me").then().statusCode(422)
                .body("field", equalTo("displayName"));
        user.as().get("/api/me").then().body("digestHour", equalTo(7)).body("showPresence", equalTo(false));
    }

    @Test
    void aRefusedSettingLeavesTheNameAsItWas() {
        User user = Fixtures.expert();
        String before = user.as().get("/api/me").then().extract().path("displayName");
        user.as().body(Map.of("displayName", "Anders " + System.nanoTime(), "digestHour", -1)).patch("/api/me")
                .then().statusCode(422).body("field", equalTo("digestHour"));
        user.as().get("/api/me").then().body("displayName", equalTo(before));
    }

    @Test
    void aNameThatLooksLikeAnotherIsRefused() {
        User other = Fixtures.expert();
        String taken = "Jana Beispiel " + System.nanoTime();
        other.as().body(Map.of("displayName", taken)).patch("/api/me").then().statusCode(200);
        User user = Fixtures.expert();
        user.as().body(Map.of("displayName", taken.toUpperCase())).patch("/api/me").then().statusCode(409)
                .contentType(PROBLEM).body("field", equalTo("displayName"));
        // Cyrillic "а" for the Latin one.
        user.as().body(Map.of("displayName", taken.replace('a', 'а'))).patch("/api/me").then().statusCode(409)
                .body("field", equalTo("displayName"));
        // One's own name in other capitals is fine.
        other.as().body(Map.of("displayName", taken.toLowerCase())).patch("/api/me").then().statusCode(200);
    }

    @Test
    void theDeletedAccountLabelCannotBeTakenAsAName() {
        User user = Fixtures.expert();
        // The German and English label, in other capitals, and with a Cyrillic "о" and a zero-width space.
        for (String name : List.of("Gelöschtes Konto", "DELETED ACCOUNT", "gelöschtes K\u043eNto",
                "deleted\u200b account")) {
            user.as().body(Map.of("displayName", name)).patch("/api/me").then().statusCode(409)
                    .contentType(PROBLEM).body("field", equalTo("displayName"));
            String code = Fixtures.admin().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                    .extract().path("code");
            given().contentType(ContentType.JSON).body(Map.of("invitationCode", code, "displayName", name,
                    "email", "geloescht-" + System.nanoTime() + "@example.org", "password", "lang-genug-123"))
                    .post("/api/accounts").then().statusCode(409).contentType(PROBLEM)
                    .body("field", equalTo("displayName"));
        }
        // A name that merely contains the words is fine.
        user.as().body(Map.of("displayName", "Gelöschtes Konto " + System.nanoTime())).patch("/api/me").then()
                .statusCode(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        User user = Fixtures.expert();
        user.as().body(Map.of("current", "falsch-falsch-falsch", "new", NEW_PASSWORD)).put("/api/me/password")
                .then().statusCode(403).contentType(PROBLEM).body("field", equalTo("current"));
        user.as().body(Map.of("current", Fixtures.PASSWORD, "new", "kurz")).put("/api/me/password")
                .then().statusCode(422).body("field", equalTo("new"));
        user.as().body(Map.of("new", NEW_PASSWORD)).put("/api/me/password").then().statusCode(422)
                .body("field", equalTo("current"));
        user.as().body("{\"current\": 1, \"new\": \"x\"}").put("/api/me/password").then().statusCode(400)
                .body("field", equalTo("current"));
        user.as().body(Map.of("current", Fixtures.PASSWORD, "new", NEW_PASSWORD)).put("/api/me/password")
                .then().statusCode(204);
        user.as().get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(user.email(), NEW_PASSWORD).get("/api/me").then().statusCode(200);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() {
        User user = Fixtures.expert();
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = user.as().body(Map.of("current", "falsch-" + i + "-falsch", "new", NEW_PASSWORD))
                    .put("/api/me/password").then().extract().statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, status);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotThisOne() {
        User user = Fixtures.expert();
        String here = PageForms.signIn(user);
        String there = PageForms.signIn(user);
        cookie(here).get("/api/me/sessions").then().statusCode(200).body("$", hasSize(2))
                .body("findAll { it.current }", hasSize(1));
        cookie(here).contentType(ContentType.JSON).body(Map.of("current", Fixtures.PASSWORD, "new", NEW_PASSWORD))
                .put("/api/me/password").then().statusCode(204);
        cookie(here).get("/api/me").then().statusCode(200);
        cookie(there).get("/api/me").then().statusCode(401);
        cookie(here).get("/api/me/sessions").then().body("$", hasSize(1)).body("[0].current", equalTo(true));
    }

    @Test
    void oneCanSignOutOneOfOnesOwnDevicesOnly() {
        User user = Fixtures.expert();
        String here = PageForms.signIn(user);
        String there = PageForms.signIn(user);
        List<Map<String, Object>> sessions = cookie(here).get("/api/me/sessions").then().extract().path("$");
        Number other = (Number) sessions.stream().filter(s -> !(Boolean) s.get("current")).findFirst().orElseThrow()
                .get("id");
        User stranger = Fixtures.expert();
        stranger.as().delete("/api/me/sessions/" + other).then().statusCode(404).contentType(PROBLEM);
        cookie(there).get("/api/me").then().statusCode(200);
        cookie(here).delete("/api/me/sessions/" + other).then().statusCode(204);
        cookie(there).get("/api/me").then().statusCode(401);
        cookie(here).get("/api/me").then().statusCode(200);
        cookie(here).delete("/api/me/sessions/" + other).then().statusCode(404);
    }

    @Test
    void theExportIsADownloadOfOnesOwnData() {
        User user = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        Fixtures.comment(topic, user, "Mein Beitrag zum Quartiersfonds", null);
        user.as().get("/api/me/export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("profile.email", equalTo(user.email()))
                .body("profile.emailNotifications", equalTo("IMMEDIATE"))
                .body("comments", hasSize(1))
                .body("comments[0].body", equalTo("Mein Beitrag zum Quartiersfonds"))
                .body("demands.proposed", hasSize(0))
                .body("eventRegistrations", hasSize(0));
    }

    @Test
    void emailsAreFoundWhateverTheirCapitalsAndWidth() {
        User user = Fixtures.expert();
        given().auth().preemptive().basic(user.email().toUpperCase(), Fixtures.PASSWORD).get("/api/me").then()
                .statusCode(200).body("id", equalTo((int) user.id()));
        PageForms.signIn(user.email().toUpperCase(), Fixtures.PASSWORD);
        // Fullwidth letters are the same address after NFKC.
        String fullwidth = toFullwidth(user.email().substring(0, 3)) + user.email().substring(3);
        String session = PageForms.signIn(fullwidth, Fixtures.PASSWORD);
        cookie(session).get("/api/me").then().statusCode(200).body("id", equalTo((int) user.id()));
    }

    @Test
    void registrationRefusesAnAddressThatDiffersOnlyInCapitalsOrWidth() {
        User user = Fixtures.expert();
        for (String variant : List.of(user.email().toUpperCase(),
                toFullwidth(user.email().substring(0, 3)) + user.email().substring(3))) {
            String code = Fixtures.admin().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                    .extract().path("code");
            given().contentType(ContentType.JSON).body(Map.of("invitationCode", code, "displayName",
                    "Doppelt " + System.nanoTime(), "email", variant, "password", "lang-genug-123"))
                    .post("/api/accounts").then().statusCode(409).contentType(PROBLEM)
                    .body("field", equalTo("email"));
        }
    }

    static String toFullwidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= 0x21 && c <= 0x7e ? (char) (c - 0x21 + 0xFF01) : (char) c));
        return out.toString();
    }

    static void setEnabled(long id, boolean enabled) {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(id).enabled = enabled);
    }

    private static RequestSpecification cookie(String session) {
        return PageForms.browser(session);
    }
}
