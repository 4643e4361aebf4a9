package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** How the JSON API refuses broken requests: always a problem body, never a 500, nothing stored. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String EVIL_ORIGIN = "https://evil.example";

    private long topic;
    private User expert;

    @BeforeEach
    void freshTopicAndExpert() {
        topic = Fixtures.freshTopic();
        expert = Fixtures.expert();
    }

    // --- malformed and mistyped JSON ---

    @Test
    void malformedJsonIs400Problem() {
        for (String broken : new String[] { "{\"body\": \"abc\"", "kein json", "{\"body\":}", "{body: \"x\"}",
                "{\"body\": \"x\",}", "{\"body\": 'x'}" }) {
            postRaw(broken).statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400)).body("title", equalTo("Bad Request"))
                    .body("detail", notNullValue());
        }
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void invalidUtf8Is400Problem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"body\":\"kaputt ".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.write(0xFF);
        bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        expert.as().body(bytes.toByteArray()).post(commentsPath()).then().statusCode(400).contentType(PROBLEM);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        postRaw("{\"body\": {\"x\": 1}}").statusCode(400).contentType(PROBLEM).body("field", equalTo("body"))
                .body("detail", containsString("body"));
        postRaw("{\"body\": [\"a\"]}").statusCode(400).body("field", equalTo("body"));
        postRaw("{\"body\": \"x\", \"parentId\": \"abc\"}").statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("parentId"));
        postRaw("{\"body\": \"x\", \"questionId\": {}}").statusCode(400).body("field", equalTo("questionId"));
        Fixtures.moderator().as().body("{\"maxUses\": \"viele\"}").post("/api/invitations").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("maxUses"));
        Fixtures.moderator().as().body("{\"maxUses\": 99999999999}").post("/api/invitations").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("maxUses"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void numbersAreNotAcceptedAsText() {
        postRaw("{\"body\": 5}").statusCode(400).contentType(PROBLEM).body("field", equalTo("body"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        postRaw("[]").statusCode(400).contentType(PROBLEM);
        postRaw("\"nur Text\"").statusCode(400).contentType(PROBLEM);
        postRaw("null").statusCode(400).contentType(PROBLEM);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        postRaw("{\"body\": \"x\", \"titel\": \"Tippfehler\"}").statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("titel")).body("detail", containsString("titel"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void registrationCannotSmuggleARole() {
        String code = Fixtures.moderator().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                .extract().jsonPath().getString("code");
        long before = Fixtures.accountCount();
        given().contentType(ContentType.JSON)
                .body(Map.of("invitationCode", code, "displayName", "Eva", "email", "eva-" + System.nanoTime()
                        + "@example.org", "password", "lange-genug-1234", "role", "ADMIN"))
                .post("/api/accounts").then().statusCode(400).contentType(PROBLEM).body("field", equalTo("role"));
        assertEquals(before, Fixtures.accountCount());
    }

    @Test
    void missingBodyIs400Problem() {
        expert.as().post(commentsPath()).then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        postRaw("").statusCode(400).contentType(PROBLEM);
        postRaw("   ").statusCode(400).contentType(PROBLEM);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void anonymousMalformedRequestIs401NotParsed() {
        given().contentType(ContentType.JSON).body("{kaputt").post(commentsPath()).then().statusCode(401)
                .contentType(PROBLEM);
    }

    // --- media types ---

    @Test
    void plainTextIs415Problem() {
        expert.as().contentType(ContentType.TEXT).body("Einfach Text").post(commentsPath()).then()
                .statusCode(415).contentType(PROBLEM).body("status", equalTo(415))
                .body("title", equalTo("Unsupported Media Type"));
        expert.as().contentType("application/xml").body("<body>x</body>").post(commentsPath()).then()
                .statusCode(415).contentType(PROBLEM);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void formPostToTheApiIsRefusedWithProblem() {
        expert.as().contentType(ContentType.URLENC).formParam("body", "Formular").post(commentsPath()).then()
                .statusCode(lessThan(500)).statusCode(not(equalTo(201))).contentType(PROBLEM);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void unacceptableResponseTypeIs406() {
        given().accept("application/xml").get("/api/discussions").then().statusCode(406).contentType(PROBLEM);
    }

    // --- unknown paths and methods ---

    @Test
    void unknownApiPathIs404Problem() {
        given().get("/api/gibt-es-nicht").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().get("/api/comments/abc").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIs405Problem() {
        expert.as().delete("/api/discussions").then().statusCode(405).contentType(PROBLEM)
                .body("status", equalTo(405));
    }

    // --- size limit ---

    @Test
    void bodyOver64KilobytesIs413Problem() {
        String huge = "{\"body\": \"" + "x".repeat(70 * 1024) + "\"}";
        expert.as().body(huge).post(commentsPath()).then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413)).body("title", equalTo("Content Too Large"))
                .body("detail", containsString("64 KB"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void chunkedBodyOver64KilobytesIsRefused() {
        byte[] huge = ("{\"body\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        expert.as().body(new ByteArrayInputStream(huge)).post(commentsPath()).then().statusCode(413)
                .contentType(PROBLEM).body("status", equalTo(413));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void bodyJustUnder64KilobytesIsRead() {
        String large = "{\"body\": \"" + "x".repeat(60 * 1024) + "\"}";
        expert.as().body(large).post(commentsPath()).then().statusCode(422).body("field", equalTo("body"));
    }

    // --- cross-origin writes ---

    @Test
    void crossOriginWritesAreRefused() {
        long comment = Fixtures.comment(topic, expert, "Vorhanden", null);
        expert.as().header("Origin", EVIL_ORIGIN).body(Map.of("body", "Von fremder Seite")).post(commentsPath())
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        expert.as().header("Origin", EVIL_ORIGIN).body(Map.of("body", "Geändert")).patch("/api/comments/" + comment)
                .then().statusCode(403);
        expert.as().header("Origin", EVIL_ORIGIN).delete("/api/comments/" + comment).then().statusCode(403);
        Fixtures.moderator().as().header("Origin", EVIL_ORIGIN).body(Map.of("reason", "x"))
                .post("/api/comments/" + comment + "/hide").then().statusCode(403);
        Fixtures.admin().as().header("Origin", EVIL_ORIGIN).body(Map.of("role", "ADMIN"))
                .put("/api/accounts/" + expert.id() + "/role").then().statusCode(403);
        expert.as().header("Origin", "null").body(Map.of("body", "Aus einer Sandbox")).post(commentsPath()).then()
                .statusCode(403);
        expert.as().header("Origin", "http://localhost:1").body(Map.of("body", "Anderer Port")).post(commentsPath())
                .then().statusCode(403);

        assertEquals(1, Fixtures.commentCount(topic));
        given().get("/api/comments/" + comment).then().body("body", equalTo("Vorhanden")).body("deleted",
                equalTo(false)).body("hidden", equalTo(false));
        expert.as().get("/api/me").then().body("role", equalTo("EXPERT"));
    }

    @Test
    void sameOriginWritesAndCrossOriginReadsAreAllowed() {
        expert.as().header("Origin", "http://localhost:" + RestAssured.port).body(Map.of("body", "Von hier"))
                .post(commentsPath()).then().statusCode(201);
        given().header("Origin", EVIL_ORIGIN).get(commentsPath()).then().statusCode(200);
        assertEquals(1, Fixtures.commentCount(topic));
    }

    // --- no 500 for garbage ---

    @Test
    void garbageNeverCausesA500() {
        String[] bodies = { "{", "}", "[1,2", "{\"body\": null, \"parentId\": -1}", "{\"parentId\": 1e400}",
                "{\"body\": \"\\u0000\"}", "{\"body\": \"\\ud800\"}", "{\"questionId\": true, \"body\": \"x\"}",
                "{\"body\": \"x\", \"parentId\": 9223372036854775808}", "\u0000", "{\"a\":".repeat(2000) };
        String[] paths = { commentsPath(), "/api/accounts", "/api/invitations" };
        User admin = Fixtures.admin();
        for (String path : paths) {
            for (String body : bodies) {
                admin.as().body(body).post(path).then().log().ifValidationFails().statusCode(lessThan(500))
                        .contentType(PROBLEM);
            }
        }
        for (String body : bodies) {
            admin.as().body(body).put("/api/accounts/" + expert.id() + "/role").then().statusCode(lessThan(500));
            admin.as().body(body).patch("/api/comments/1").then().statusCode(lessThan(500));
        }
        given().get("/api/topics/" + topic + "/comments?questionId=abc").then().statusCode(lessThan(500));
        given().get("/api/topics/99999999999999999999/comments").then().statusCode(lessThan(500));
        given().header("Authorization", "Basic").get("/api/me").then().statusCode(401);
        given().header("Authorization", "Basic Og==").get("/api/me").then().statusCode(401);
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void problemBodyHasNoFieldWhenNoFieldIsAtFault() {
        expert.as().get("/api/audit").then().statusCode(403).contentType(PROBLEM).body("field", nullValue())
                .body("status", equalTo(403)).body("title", equalTo("Forbidden")).body("detail", notNullValue());
    }

    // --- helpers ---

    private String commentsPath() {
        return "/api/topics/" + topic + "/comments";
    }

    private ValidatableResponse postRaw(String json) {
        return expert.as().body(json).post(commentsPath()).then().log().ifValidationFails();
    }
}
