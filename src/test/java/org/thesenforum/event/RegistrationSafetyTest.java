package org.thesenforum.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thesenforum.event.EventFixtures.create;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.event;
import static org.thesenforum.event.EventFixtures.person;
import static org.thesenforum.event.EventFixtures.register;
import static org.thesenforum.event.EventFixtures.registration;
import static org.thesenforum.event.EventFixtures.registrations;
import static org.thesenforum.event.EventFixtures.token;

import java.util.List;
import java.util.Map;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.account.Invitation;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Personal links, personal data and hostile input around registrations. */
@QuarkusTest
class RegistrationSafetyTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void thePersonalPageIsNeitherCachedNorPassedOnAsReferrer() {
        long id = create(null);
        String url = register(id, person(email())).statusCode(201).extract().path("cancelUrl");
        String token = token(url);
        io.restassured.response.Response page = given().get("/anmeldung/" + token);
        page.then().statusCode(200).header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", containsString("no-store"));
        assertEquals(List.of("no-referrer"), page.getHeaders().getValues("Referrer-Policy"));
        io.restassured.response.Response json = given().get("/api/registrations/" + token);
        json.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        assertEquals(List.of("no-referrer"), json.getHeaders().getValues("Referrer-Policy"));
    }

    @Test
    void theInvitationCarriesNoNameThatWouldOutliveTheRetention() {
        long id = create(null);
        String email = email();
        Map<String, Object> body = person(email);
        body.put("name", "Zora Unverwechselbar");
        register(id, body).statusCode(201);
        long rid = registration(id, email).id;
        String url = Fixtures.moderator().as().post("/api/events/" + id + "/registrations/" + rid + "/invitation")
                .then().statusCode(200).extract().path("invitationUrl");
        String code = url.substring(url.indexOf("code=") + 5);
        Invitation invitation = QuarkusTransaction.requiringNew().call(() -> Invitation.findByCode(code).orElseThrow());
        assertFalse(invitation.note.contains("Zora"), invitation.note);
    }

    @Test
    void badJsonIsAlways4xxNamingTheFieldAndStoresNothing() {
        User moderator = Fixtures.moderator();
        long id = create(5);
        for (String json : List.of("{\"capacity\": 99999999999999999999}", "{\"capacity\": \"viele\"}",
                "{\"capacity\": -3}", "{\"capacity\": 1.5}", "{\"title\": 42}", "{\"title\": [\"a\"]}",
                "{\"title\": \"" + "x".repeat(10_000) + "\"}", "{\"title\": \"a\\u0007b\"}",
                "{\"start\": \"2030-06-16T10:30:00\"}", "{\"registrationClosed\": \"ja\"}",
                "{\"title\": \"gut\"} trailing", "[]", "\"text\"", "{\"end\": \"2000-01-01T10:00:00+01:00\"}")) {
            int status = moderator.as().body(json).patch("/api/events/" + id).then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, json + " -> " + status);
        }
        moderator.as().body("{\"start\": \"2030-06-16T10:30:00\"}").patch("/api/events/" + id).then()
                .statusCode(422).body("field", equalTo("start"));
        moderator.as().body("{\"capacity\": -3}").patch("/api/events/" + id).then().statusCode(422)
                .body("field", equalTo("capacity"));
        given().get("/api/events/" + id).then().statusCode(200).body("capacity", equalTo(5));
        for (String json : List.of("{\"consent\": \"yes\"}", "{\"name\": 7}", "{\"email\": {}}",
                "{\"consent\": true} x", "{\"note\": \"" + "x".repeat(10_000) + "\"}")) {
            int status = given().contentType(ContentType.JSON).body(json)
                    .post("/api/events/" + id + "/registrations").then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, json + " -> " + status);
        }
        Map<String, Object> body = event("Ohne Versatz");
        body.put("start", "2030-06-16T10:30:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("start"));
        body = event("Zu viele Plätze");
        body.put("capacity", 3_000_000_000L);
        int status = moderator.as().body(body).post("/api/events").then().extract().statusCode();
        assertTrue(status >= 400 && status < 500, "capacity 3e9 -> " + status);
        assertEquals(0, registrations(id));
    }

    @Test
    void movedUpAndInvitedPeopleGetMailInTheLanguageTheyRegisteredIn() {
        long id = create(1);
        String first = email();
        String second = email();
        String firstUrl = register(id, person(first)).statusCode(201).extract().path("cancelUrl");
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(person(second))
                .post("/api/events/" + id + "/registrations").then().statusCode(202);
        mailbox.clear();
        given().header("Accept-Language", "de").delete("/api/registrations/" + token(firstUrl)).then()
                .statusCode(200);
        List<Mail> moved = mailbox.getMailsSentTo(second);
        assertEquals(1, moved.size());
        assertTrue(moved.get(0).getText().startsWith("Hello"),
                moved.get(0).getSubject() + "\n" + moved.get(0).getText());
        assertEquals("en", registration(id, second).language);
        mailbox.clear();
        long rid = registration(id, second).id;
        Fixtures.moderator().as().header("Accept-Language", "de")
                .post("/api/events/" + id + "/registrations/" + rid + "/invitation").then().statusCode(200);
        List<Mail> invited = mailbox.getMailsSentTo(second);
        assertEquals(1, invited.size());
        assertTrue(invited.get(0).getText().startsWith("Hello"),
                invited.get(0).getSubject() + "\n" + invited.get(0).getText());
    }

    @Test
    void refusalsSpeakPlainGerman() {
        long id = create(1);
        register(id, person(email())).statusCode(201);
        String waiting = email();
        register(id, person(waiting)).statusCode(202);
        long rid = registration(id, waiting).id;
        Fixtures.moderator().as().header("Accept-Language", "de")
                .put("/api/events/" + id + "/registrations/" + rid + "/check-in").then().statusCode(409)
                .body("detail", equalTo("Als anwesend eintragen lassen sich nur Personen mit bestätigtem Platz."));
        Map<String, Object> body = event("Ohne Frist");
        body.remove("registrationDeadline");
        long closed = EventFixtures.createFrom(body);
        given().header("Accept-Language", "de").contentType(ContentType.JSON).body(person(email()))
                .post("/api/events/" + closed + "/registrations").then().statusCode(409)
                .body("detail", equalTo("Für diese Veranstaltung kann man sich hier nicht anmelden."));
    }
}
