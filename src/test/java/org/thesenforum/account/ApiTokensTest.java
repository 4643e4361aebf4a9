package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/** Personal API tokens: made and revoked on "Mein Konto" and through /api/me/tokens, used as HTTP Bearer. */
@QuarkusTest
class ApiTokensTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern TOKEN = Pattern.compile("tf_[A-Za-z0-9_-]{43}");

    @Test
    void aNewTokenIsShownOnceAndListedWithoutIt() {
        User user = Fixtures.expert();
        Response created = user.as().body(Map.of("name", "Auswertungsskript")).post("/api/me/tokens");
        created.then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .body("name", equalTo("Auswertungsskript"))
                .body("token", startsWith("tf_"))
                .body("lastUsedAt", nullValue());
        String token = created.jsonPath().getString("token");
        assertTrue(TOKEN.matcher(token).matches(), token);
        assertEquals(token.substring(0, 8), created.jsonPath().getString("prefix"));

        Response listed = user.as().get("/api/me/tokens");
        listed.then().statusCode(200).body("", hasSize(1))
                .body("[0].id", equalTo(created.jsonPath().getInt("id")))
                .body("[0].name", equalTo("Auswertungsskript"))
                .body("[0].prefix", equalTo(token.substring(0, 8)))
                .body("[0].createdAt", notNullValue())
                .body("[0].lastUsedAt", nullValue())
                .body("[0].token", nullValue());
        assertFalse(listed.asString().contains(token));

        bearer(token).get("/api/me").then().statusCode(200).body("id", equalTo((int) user.id()))
                .body("email", equalTo(user.email()));
        user.as().get("/api/me/tokens").then().body("[0].lastUsedAt", notNullValue());
    }

    @Test
    void aTokenWritesACommentWithoutCookieOrCsrfToken() {
        User user = Fixtures.expert();
        String token = create(user, "Kommentar-Skript");
        long topic = Fixtures.freshTopic();
        bearer(token).body(Map.of("body", "Geschrieben von einem Skript.")).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).body("author.id", equalTo((int) user.id()));
        assertTrue(Fixtures.commentExists(topic, "Geschrieben von einem Skript."));
    }

    @Test
    void wrongAndRevokedTokensGet401LikeAWrongPassword() {
        User user = Fixtures.expert();
        String token = create(user, "Kurzlebig");
        String wrongPassword = given().auth().preemptive().basic(user.email(), "falsch").get("/api/me").then()
                .statusCode(401).contentType(PROBLEM).extract().path("title");
        bearer("tf_" + "A".repeat(43)).get("/api/me").then().statusCode(401).contentType(PROBLEM)
                .body("status", equalTo(401)).body("title", equalTo(wrongPassword));
        bearer("kein-schluessel").get("/api/me").then().statusCode(401).contentType(PROBLEM);
        bearer(token).body(Map.of("body", "Nie.")).post("/api/topics/" + Fixtures.freshTopic() + "/comments").then()
                .statusCode(201);

        long id = user.as().get("/api/me/tokens").jsonPath().getLong("[0].id");
        Fixtures.expert().as().delete("/api/me/tokens/" + id).then().statusCode(404).contentType(PROBLEM);
        bearer(token).get("/api/me").then().statusCode(200);
        user.as().delete("/api/me/tokens/" + id).then().statusCode(204);
        bearer(token).get("/api/me").then().statusCode(401).contentType(PROBLEM).body("title", equalTo(wrongPassword));
        bearer(token).body(Map.of("body", "Nicht mehr.")).post("/api/topics/" + Fixtures.freshTopic() + "/comments")
                .then().statusCode(401);
        user.as().get("/api/me/tokens").then().body("", hasSize(0));
        user.as().delete("/api/me/tokens/" + id).then().statusCode(404);
    }

    @Test
    void aRefusedTokenGetsABearerChallengeAndAWrongPasswordABasicOne() {
        bearer("tf_" + "B".repeat(43)).get("/api/me").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"Thesenforum\", error=\"invalid_token\""));
        given().auth().preemptive().basic(Fixtures.expert().email(), "falsch").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic "));
    }

    @Test
    void aTokenCannotMakeAnotherTokenButListsAndRevokesItself() {
        User user = Fixtures.expert();
        String token = create(user, "Geleakt");
        String german = bearer(token).body(Map.of("name", "Ersatz")).post("/api/me/tokens").then().statusCode(403)
                .contentType(PROBLEM).body("status", equalTo(403)).body("token", nullValue()).extract()
                .path("detail");
        assertTrue(german.contains("Mein Konto") && german.contains("Passwort"), german);
        String english = bearer(token).header("Accept-Language", "en").body(Map.of("name", "Replacement"))
                .post("/api/me/tokens").then().statusCode(403).contentType(PROBLEM).extract().path("detail");
        assertTrue(english.contains("Mein Konto") && english.contains("password"), english);
        user.as().get("/api/me/tokens").then().body("", hasSize(1));

        long id = bearer(token).get("/api/me/tokens").then().statusCode(200).body("", hasSize(1)).extract()
                .jsonPath().getLong("[0].id");
        bearer(token).delete("/api/me/tokens/" + id).then().statusCode(204);
        bearer(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void changingThePasswordRevokesEveryToken() {
        User user = Fixtures.expert();
        String first = create(user, "Eins");
        String second = create(user, "Zwei");
        user.as().body(Map.of("current", Fixtures.PASSWORD, "new", "ein-ganz-neues-passwort"))
                .put("/api/me/password").then().statusCode(204);
        bearer(first).get("/api/me").then().statusCode(401);
        bearer(second).get("/api/me").then().statusCode(401);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ApiToken.countOf(user.id())));
    }

    @Test
    void aTokenActsWithTheAccountsCurrentRoleAndStopsWhenTheAccountIsDisabled() {
        User admin = Fixtures.admin();
        User user = Fixtures.expert();
        String token = create(user, "Rollen");
        bearer(token).get("/api/invitations").then().statusCode(403);
        admin.as().body(Map.of("role", "MODERATOR")).put("/api/accounts/" + user.id() + "/role").then()
                .statusCode(200);
        bearer(token).get("/api/me").then().statusCode(200).body("role", equalTo("MODERATOR"));
        bearer(token).get("/api/invitations").then().statusCode(200);
        admin.as().body(Map.of("enabled", false)).put("/api/accounts/" + user.id() + "/enabled").then()
                .statusCode(200);
        bearer(token).get("/api/me").then().statusCode(401).contentType(PROBLEM);
        admin.as().body(Map.of("enabled", true)).put("/api/accounts/" + user.id() + "/enabled").then()
                .statusCode(200);
        bearer(token).get("/api/me").then().statusCode(200);
    }

    @Test
    void namesAndTheLimitAreCheckedNamingTheField() {
        User user = Fixtures.expert();
        for (String name : new String[] {"", "   ", "x".repeat(ApiTokens.MAX_NAME + 1), "Skript\u0007", "Zeile\neins"}) {
            user.as().body(Map.of("name", name)).post("/api/me/tokens").then().statusCode(422).contentType(PROBLEM)
                    .body("field", equalTo("name"));
        }
        user.as().body("{}").post("/api/me/tokens").then().statusCode(422).body("field", equalTo("name"));
        user.as().post("/api/me/tokens").then().statusCode(400).contentType(PROBLEM);
        create(user, "x".repeat(ApiTokens.MAX_NAME));
        for (int i = 1; i < ApiTokens.MAX_PER_ACCOUNT; i++) {
            create(user, "Skript " + i);
        }
        String german = user.as().body(Map.of("name", "Eins zu viel")).post("/api/me/tokens").then().statusCode(409)
                .contentType(PROBLEM).body("field", equalTo("name")).extract().path("detail");
        String english = user.as().header("Accept-Language", "en").body(Map.of("name", "One too many"))
                .post("/api/me/tokens").then().statusCode(409).body("field", equalTo("name")).extract().path("detail");
        assertTrue(german.contains("API-Schlüssel"), german);
        assertTrue(english.contains("API tokens"), english);
        user.as().get("/api/me/tokens").then().body("", hasSize(ApiTokens.MAX_PER_ACCOUNT));
    }

    @Test
    void thePageMakesAndRevokesTokensWithPlainForms() {
        User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("name", "Ohne Token")
                .post("/account/tokens").then().statusCode(400);
        PageForms.open("/account", session).post().formParam("name", "").post("/account/tokens").then()
                .statusCode(422).body(containsString("id=\"token-name-error\""));

        Response made = PageForms.open("/account", session).post().formParam("name", "Seiten-Skript")
                .post("/account/tokens");
        made.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("id=\"token-created\""));
        Matcher m = TOKEN.matcher(made.asString());
        assertTrue(m.find(), "no token on the page");
        String token = m.group();
        bearer(token).get("/api/me").then().statusCode(200).body("id", equalTo((int) user.id()));

        String again = PageForms.browser(session).get("/account").then().statusCode(200)
                .body(containsString("Seiten-Skript")).body(containsString(token.substring(0, 8)))
                .body(not(containsString("token-created"))).extract().asString();
        assertFalse(again.contains(token));

        long id = user.as().get("/api/me/tokens").jsonPath().getLong("[0].id");
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).post("/account/tokens/" + id + "/revoke")
                .then().statusCode(400);
        bearer(token).get("/api/me").then().statusCode(200);
        PageForms.open("/account", session).post().post("/account/tokens/" + id + "/revoke").then().statusCode(303)
                .header("Location", containsString("done=token"));
        bearer(token).get("/api/me").then().statusCode(401);
        PageForms.open("/account", session).post().post("/account/tokens/" + id + "/revoke").then().statusCode(404);
    }

    @Test
    void theExportListsTokensWithoutSecretsAndDeletingTheAccountRemovesThem() {
        User user = Fixtures.expert();
        String token = create(user, "Export-Skript");
        bearer(token).get("/api/me").then().statusCode(200);
        String hash = DeviceSessions.hash(token);
        Response export = user.as().get("/api/me/export");
        export.then().statusCode(200).body("apiTokens", hasSize(1))
                .body("apiTokens[0].name", equalTo("Export-Skript"))
                .body("apiTokens[0].createdAt", notNullValue())
                .body("apiTokens[0].lastUsedAt", notNullValue());
        assertFalse(export.asString().contains(token));
        assertFalse(export.asString().contains(hash));

        user.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ApiToken.countOf(user.id())));
        bearer(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void tokensOfTwoAccountsAreTheirOwn() {
        User one = Fixtures.expert();
        User two = Fixtures.expert();
        String first = create(one, "Eins");
        String second = create(two, "Zwei");
        assertNotEquals(first, second);
        bearer(first).get("/api/me").then().body("id", equalTo((int) one.id()));
        bearer(second).get("/api/me").then().body("id", equalTo((int) two.id()));
        two.as().get("/api/me/tokens").then().body("", hasSize(1)).body("[0].name", equalTo("Zwei"));
    }

    private static String create(User user, String name) {
        return user.as().body(Map.of("name", name)).post("/api/me/tokens").then().statusCode(201).extract()
                .path("token");
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
