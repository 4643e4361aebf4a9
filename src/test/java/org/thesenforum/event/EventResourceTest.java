package org.thesenforum.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thesenforum.event.EventFixtures.create;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.event;
import static org.thesenforum.event.EventFixtures.person;
import static org.thesenforum.event.EventFixtures.register;
import static org.thesenforum.event.EventFixtures.registration;
import static org.thesenforum.event.EventFixtures.registrations;
import static org.thesenforum.event.EventFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.account.Invitation;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class EventResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    MockMailbox mailbox;

    @Inject
    RegistrationLimiter limiter;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @AfterEach
    void generousLimit() {
        limiter.reset(100_000);
    }

    // --- events ---

    @Test
    void moderatorCreatesAnEventThatEveryoneCanRead() {
        Map<String, Object> body = event("Fachtag Ankommen");
        body.put("capacity", 30);
        body.put("description", "Wir besprechen die *Thesen*.");
        User moderator = Fixtures.moderator();
        String location = moderator.as().body(body).post("/api/events").then().statusCode(201)
                .header("Location", containsString("/api/events/"))
                .body("title", equalTo("Fachtag Ankommen"))
                .body("discussionSlug", equalTo(Fixtures.SLUG))
                .body("city", equalTo("Hannover"))
                .body("capacity", equalTo(30))
                .body("placesLeft", equalTo(30))
                .body("registration", equalTo("OPEN"))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("title", equalTo("Fachtag Ankommen"))
                .body("start", equalTo(OffsetDateTime.parse((String) body.get("start"))
                        .atZoneSameInstant(EventFixtures.BERLIN).toOffsetDateTime()
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .body("calendarUrl", containsString("/calendar.ics"));
        given().get("/api/events?discussion=" + Fixtures.SLUG).then().statusCode(200)
                .body("title", hasItem("Fachtag Ankommen"));
    }

    @Test
    void onlyModeratorsAndAdminsCreateAndEditEvents() {
        given().contentType(ContentType.JSON).body(event("Anonym")).post("/api/events").then().statusCode(401);
        Fixtures.expert().as().body(event("Expertin")).post("/api/events").then().statusCode(403);
        Fixtures.admin().as().body(event("Admin")).post("/api/events").then().statusCode(201);
        long id = create(null);
        Fixtures.expert().as().body(Map.of("title", "Neu")).patch("/api/events/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("title", "Neu")).patch("/api/events/" + id).then()
                .statusCode(401);
    }

    @Test
    void badEventInputIsRefusedNamingTheFieldAndStoresNothing() {
        User moderator = Fixtures.moderator();
        long before = EventFixtures.events();
        Map<String, Object> body = event("");
        moderator.as().body(body).post("/api/events").then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("title"));
        body = event("Ohne Zeitzone");
        body.put("start", "2030-06-16T10:30:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("start"));
        body = event("Ende vor Beginn");
        body.put("end", "2000-01-01T10:00:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("end"));
        body = event("Unbekannte Diskussion");
        body.put("discussionSlug", "gibt-es-nicht");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("discussionSlug"));
        body = event("Ohne Ort");
        body.remove("city");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("city"));
        body = event("Negative Plätze");
        body.put("capacity", -1);
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("capacity"));
        body = event("Steuerzeichen\u0007");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("title"));
        body = event("Text als Zahl");
        body.put("capacity", "zehn");
        moderator.as().body(body).post("/api/events").then().statusCode(400).body("field", equalTo("capacity"));
        moderator.as().body("{\"title\": \"kaputt\"").post("/api/events").then().statusCode(400)
                .contentType(PROBLEM);
        moderator.as().post("/api/events").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, EventFixtures.events());
    }

    @Test
    void unknownEventsAre404() {
        given().get("/api/events/999999999").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/events/999999999/calendar.ics").then().statusCode(404);
        register(999999999, person(email())).statusCode(404).contentType(PROBLEM);
        Fixtures.moderator().as().body(Map.of("title", "x")).patch("/api/events/999999999").then().statusCode(404);
        given().get("/api/events?discussion=gibt-es-nicht").then().statusCode(404);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndARefusalChangesNothing() {
        long id = create(10);
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("title", "Umbenannt", "venueName", "")).patch("/api/events/" + id).then()
                .statusCode(200).body("title", equalTo("Umbenannt")).body("venueName", nullValue())
                .body("city", equalTo("Hannover")).body("capacity", equalTo(10));
        moderator.as().body(Map.of("title", "Nochmal", "end", "1999-01-01T00:00:00Z")).patch("/api/events/" + id)
                .then().statusCode(422).body("field", equalTo("end"));
        given().get("/api/events/" + id).then().body("title", equalTo("Umbenannt"));
        moderator.as().body(Map.of("capacity", 0)).patch("/api/events/" + id).then().statusCode(200)
                .body("capacity", nullValue());
    }

    @Test
    void datesOutsideTheYearsEventsMayHaveAreRefusedNamingTheFieldAndStoreNothing() {
        User moderator = Fixtures.moderator();
        long before = EventFixtures.events();
        Map<String, Object> body = event("Weit in der Zukunft");
        body.put("start", "+999999999-01-01T10:00:00+01:00");
        body.remove("end");
        moderator.as().body(body).post("/api/events").then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("start"))
                .body("detail", equalTo("Der Beginn muss in den Jahren 2000 bis 2100 liegen."));
        moderator.as().header("Accept-Language", "en").body(body).post("/api/events").then().statusCode(422)
                .body("field", equalTo("start"))
                .body("detail", equalTo("The start must lie in the years 2000 to 2100."));
        body.put("start", "0000-01-01T10:00:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("start"));
        body.put("start", "1999-12-31T23:59:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("start"));
        body = event("Ende weit in der Zukunft");
        body.put("end", "+999999999-01-01T16:00:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).body("field", equalTo("end"))
                .body("detail", equalTo("Das Ende muss in den Jahren 2000 bis 2100 liegen."));
        body = event("Frist weit in der Vergangenheit");
        body.put("registrationDeadline", "0001-01-01T00:00:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422)
                .body("field", equalTo("registrationDeadline"))
                .body("detail", equalTo("Die Anmeldefrist muss in den Jahren 2000 bis 2100 enden."));
        body.put("registrationDeadline", "+999999999-01-01T00:00:00+01:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422)
                .body("field", equalTo("registrationDeadline"));
        assertEquals(before, EventFixtures.events());
    }

    @Test
    void theFirstAndLastDayOfTheYearsAreAccepted() {
        Map<String, Object> body = event("Erster Tag");
        body.put("start", "2000-01-01T00:00:00+01:00");
        body.put("end", "2000-01-01T08:00:00+01:00");
        body.put("registrationDeadline", "2000-01-01T00:00:01+01:00");
        Fixtures.moderator().as().body(body).post("/api/events").then().statusCode(201)
                .body("date", equalTo("2000-01-01"));
        body = event("Letzter Tag");
        body.put("start", "2100-12-31T18:00:00+01:00");
        body.put("end", "2100-12-31T23:59:00+01:00");
        body.put("registrationDeadline", "2101-01-01T00:00:00+01:00");
        Fixtures.moderator().as().body(body).post("/api/events").then().statusCode(201)
                .body("date", equalTo("2100-12-31"));
    }

    @Test
    void patchRefusesDatesOutsideTheYearsAndChangesNothing() {
        long id = create(null);
        String start = given().get("/api/events/" + id).then().extract().path("start");
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("start", "+999999999-01-01T10:00:00+01:00")).patch("/api/events/" + id).then()
                .statusCode(422).contentType(PROBLEM).body("field", equalTo("start"));
        moderator.as().body(Map.of("title", "Neu", "end", "+999999999-01-01T10:00:00+01:00"))
                .patch("/api/events/" + id).then().statusCode(422).body("field", equalTo("end"));
        moderator.as().body(Map.of("registrationDeadline", "0000-01-01T00:00:00Z")).patch("/api/events/" + id)
                .then().statusCode(422).body("field", equalTo("registrationDeadline"));
        given().get("/api/events/" + id).then().statusCode(200).body("start", equalTo(start))
                .body("title", startsWith("Werkstatt"));
    }

    @Test
    void aDeadlineAfterTheDayOfTheEventIsRefused() {
        User moderator = Fixtures.moderator();
        long before = EventFixtures.events();
        Map<String, Object> body = event("Frist nach dem Termin");
        body.put("start", "2027-03-10T10:00:00+01:00");
        body.put("end", "2027-03-10T16:00:00+01:00");
        body.put("registrationDeadline", "2027-04-01T00:00:00+02:00");
        moderator.as().body(body).post("/api/events").then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("registrationDeadline"))
                .body("detail", equalTo("Die Anmeldefrist darf nicht nach dem Tag der Veranstaltung enden."));
        moderator.as().header("Accept-Language", "en").body(body).post("/api/events").then().statusCode(422)
                .body("field", equalTo("registrationDeadline"))
                .body("detail", equalTo("The registration deadline must not end after the day of the event."));
        assertEquals(before, EventFixtures.events());

        // Registration may run until the end of the event's day.
        body.put("registrationDeadline", "2027-03-11T00:00:00+01:00");
        long id = EventFixtures.createFrom(body);
        moderator.as().body(Map.of("start", "2027-03-09T10:00:00+01:00", "end", "")).patch("/api/events/" + id)
                .then().statusCode(422).body("field", equalTo("registrationDeadline"));
        given().get("/api/events/" + id).then().body("date", equalTo("2027-03-10"));
    }

    @Test
    void aStoredDateOutsideTheYearsGivesNoCalendarButAProblem() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            ForumEvent e = new ForumEvent();
            e.discussion = org.thesenforum.discussion.Discussion.findBySlug(Fixtures.SLUG).orElseThrow();
            e.title = "Vor der Prüfung gespeichert";
            // Outside the years events may have, yet storable in both databases (PostgreSQL ends at 294276 AD).
            e.startsAt = OffsetDateTime.parse("3000-01-01T10:00:00+01:00").toInstant();
            e.startsOn = java.time.LocalDate.of(3000, 1, 1);
            e.city = "Hannover";
            e.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            e.updatedAt = e.createdAt;
            e.persist();
            return e.id;
        });
        given().get("/api/events/" + id + "/calendar.ics").then().statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("start"))
                .body("detail", containsString("kein gültiges Datum"));
        Fixtures.moderator().as().body(Map.of("title", "Umbenannt")).patch("/api/events/" + id).then()
                .statusCode(422).body("field", equalTo("start"));
        Fixtures.moderator().as().body(Map.of("start", "2030-05-05T10:00:00+02:00")).patch("/api/events/" + id)
                .then().statusCode(200).body("date", equalTo("2030-05-05"));
        given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200);
    }

    // --- registration ---

    @Test
    void registrationBeforeTheDeadlineIsConfirmedWithAPersonalLinkAndMail() {
        long id = create(null);
        String email = email();
        String cancelUrl = register(id, person(email)).statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("cancelUrl", startsWith("http"))
                .body("cancelUrl", containsString("/anmeldung/"))
                .extract().path("cancelUrl");
        String token = token(cancelUrl);
        assertEquals(43, token.length());
        Registration stored = registration(id, email);
        assertEquals(Registration.Status.CONFIRMED, stored.status);
        assertEquals("praxis", stored.fieldOfWork);
        assertEquals(64, stored.tokenHash.length());
        assertTrue(!stored.tokenHash.contains(token), "only the hash is stored");
        given().get("/api/registrations/" + token).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("email", equalTo(email));

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Anmeldung bestätigt"), mail.getSubject());
        assertTrue(mail.getText().contains(cancelUrl), mail.getText());
        assertTrue(mail.getText().contains("Guten Tag Anna Beispiel"), mail.getText());
        assertEquals(1, mail.getAttachments().size());
        assertEquals("veranstaltung.ics", mail.getAttachments().get(0).getName());
        String ics = EventFixtures.attachment(mail.getAttachments().get(0));
        assertTrue(ics.contains("BEGIN:VTIMEZONE"), ics);
    }

    @Test
    void registrationAfterTheDeadlineIsRefusedWith409AndStoresNothing() {
        Map<String, Object> body = event("Vorbei");
        body.put("registrationDeadline", OffsetDateTime.now().minusMinutes(1).toString());
        long id = EventFixtures.createFrom(body);
        register(id, person(email())).statusCode(409).contentType(PROBLEM)
                .body("reason", equalTo("DEADLINE_PASSED"))
                .body("detail", containsString("Anmeldefrist"));
        assertEquals(0, registrations(id));
        given().get("/api/events/" + id).then().body("registration", equalTo("DEADLINE_PASSED"));
    }

    @Test
    void anEventWithoutDeadlineTakesNoRegistrations() {
        Map<String, Object> body = event("Ohne Frist");
        body.remove("registrationDeadline");
        long id = EventFixtures.createFrom(body);
        register(id, person(email())).statusCode(409).body("reason", equalTo("NONE"));
        assertEquals(0, registrations(id));
    }

    @Test
    void closedEarlyRefusesUntilReopened() {
        long id = create(null);
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("registrationClosed", true)).patch("/api/events/" + id).then().statusCode(200)
                .body("registration", equalTo("CLOSED"));
        register(id, person(email())).statusCode(409).body("reason", equalTo("CLOSED"));
        moderator.as().body(Map.of("registrationClosed", false)).patch("/api/events/" + id).then()
                .body("registration", equalTo("OPEN"));
        register(id, person(email())).statusCode(201);
    }

    @Test
    void atCapacityPeopleJoinTheWaitingList() {
        long id = create(1);
        register(id, person(email())).statusCode(201).body("status", equalTo("CONFIRMED"));
        String waiting = email();
        register(id, person(waiting)).statusCode(202).body("status", equalTo("WAITLISTED"))
                .body("waitingPosition", equalTo(1)).body("cancelUrl", notNullValue());
        given().get("/api/events/" + id).then().body("registration", equalTo("WAITLIST"))
                .body("confirmed", equalTo(1)).body("waitlisted", equalTo(1)).body("placesLeft", equalTo(0));
        assertTrue(mailbox.getMailsSentTo(waiting).get(0).getSubject().startsWith("Warteliste"));
    }

    @Test
    void aCancellationMovesTheFirstWaitingPersonUp() {
        long id = create(1);
        String first = register(id, person(email())).statusCode(201).extract().path("cancelUrl");
        String second = email();
        String third = email();
        register(id, person(second)).statusCode(202);
        register(id, person(third)).statusCode(202).body("waitingPosition", equalTo(2));
        given().delete("/api/registrations/" + token(first)).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertEquals(Registration.Status.CONFIRMED, registration(id, second).status);
        assertNotNull(registration(id, second).promotedAt);
        assertEquals(Registration.Status.WAITLISTED, registration(id, third).status);
        assertTrue(mailbox.getMailsSentTo(second).stream().anyMatch(m -> m.getSubject().startsWith("Platz frei")));
        // Cancelling again changes nothing.
        given().delete("/api/registrations/" + token(first)).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertEquals(Registration.Status.WAITLISTED, registration(id, third).status);
    }

    @Test
    void aLargerCapacityMovesWaitingPeopleUp() {
        long id = create(1);
        register(id, person(email())).statusCode(201);
        String waiting = email();
        register(id, person(waiting)).statusCode(202);
        Fixtures.moderator().as().body(Map.of("capacity", 2)).patch("/api/events/" + id).then().statusCode(200)
                .body("confirmed", equalTo(2));
        assertEquals(Registration.Status.CONFIRMED, registration(id, waiting).status);
    }

    @Test
    void theSameEmailTwiceIsRefusedKindly() {
        long id = create(null);
        String email = email();
        String url = register(id, person(email)).statusCode(201).extract().path("cancelUrl");
        register(id, person(email.toUpperCase())).statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("email")).body("detail", containsString("schon angemeldet"));
        assertEquals(1, registrations(id));
        given().delete("/api/registrations/" + token(url)).then().statusCode(200);
        register(id, person(email)).statusCode(201);
    }

    @Test
    void withoutConsentNothingIsStored() {
        long id = create(null);
        Map<String, Object> body = person(email());
        body.put("consent", false);
        register(id, body).statusCode(422).contentType(PROBLEM).body("field", equalTo("consent"));
        body.remove("consent");
        register(id, body).statusCode(422).body("field", equalTo("consent"));
        body.put("consent", "ja");
        register(id, body).statusCode(400).body("field", equalTo("consent"));
        assertEquals(0, registrations(id));
    }

    @Test
    void badRegistrationInputIsRefusedNamingTheField() {
        long id = create(null);
        Map<String, Object> body = person(email());
        body.put("name", "  ");
        register(id, body).statusCode(422).body("field", equalTo("name"));
        body = person("keine-adresse");
        register(id, body).statusCode(422).body("field", equalTo("email"));
        body = person(email());
        body.put("organisation", "");
        register(id, body).statusCode(422).body("field", equalTo("organisation"));
        body = person(email());
        body.put("fieldOfWork", "astrologie");
        register(id, body).statusCode(422).body("field", equalTo("fieldOfWork"));
        body = person(email());
        body.put("note", "x".repeat(1001));
        register(id, body).statusCode(422).body("field", equalTo("note"));
        body = person(email());
        body.put("name", "Anna\u202Eebeispiel");
        register(id, body).statusCode(422).body("field", equalTo("name"));
        body = person(email());
        body.put("website", "spam");
        register(id, body).statusCode(400).body("field", equalTo("website"));
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/events/" + id + "/registrations")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(person("nope"))
                .post("/api/events/" + id + "/registrations").then().statusCode(422)
                .body("detail", equalTo("This is not a valid e-mail address."));
        assertEquals(0, registrations(id));
    }

    @Test
    void hostileHtmlIsStoredAsTextAndNeverRendered() {
        long id = create(null);
        Map<String, Object> body = person(email());
        body.put("name", "<script>alert(1)</script>");
        register(id, body).statusCode(201);
        Fixtures.moderator().as().get("/veranstaltungen/" + id + "/anmeldungen").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void unknownAndMalformedTokensAre404() {
        given().delete("/api/registrations/" + "A".repeat(43)).then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/registrations/kurz").then().statusCode(404);
        given().get("/api/registrations/" + "A".repeat(43)).then().statusCode(404);
    }

    @Test
    void fieldsOfWorkAreOptional() {
        long id = create(null);
        Map<String, Object> body = person(email());
        body.remove("fieldOfWork");
        register(id, body).statusCode(201);
    }

    // --- organisers ---

    @Test
    void organisersSeeTheRegistrationsOthersDoNot() {
        long id = create(1);
        String email = email();
        register(id, person(email)).statusCode(201);
        register(id, person(email())).statusCode(202);
        Fixtures.moderator().as().get("/api/events/" + id + "/registrations").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].email", equalTo(email))
                .body("[0].status", equalTo("CONFIRMED"))
                .body("[0].fieldOfWorkLabel", equalTo("Praxis"))
                .body("[1].status", equalTo("WAITLISTED"))
                .body("[1].waitingPosition", equalTo(1));
        Fixtures.expert().as().get("/api/events/" + id + "/registrations").then().statusCode(403);
        given().get("/api/events/" + id + "/registrations").then().statusCode(401);
        given().get("/api/events/" + id + "/registrations.csv").then().statusCode(401);
    }

    @Test
    void csvExportHasABomAndOneRowPerRegistration() {
        long id = create(null);
        Map<String, Object> body = person(email());
        body.put("note", "=SUMME(A1)");
        register(id, body).statusCode(201);
        byte[] csv = Fixtures.admin().as().get("/api/events/" + id + "/registrations.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFStatus;"), text);
        assertTrue(text.contains("bestätigt;;Anna Beispiel;"), text);
        assertTrue(text.contains("'=SUMME(A1)"), text);
        assertEquals(2, text.strip().split("\r\n").length);
    }

    @Test
    void checkInAndAttendanceByFieldOfWork() {
        long id = create(null);
        register(id, person(email())).statusCode(201);
        Map<String, Object> other = person(email());
        other.put("fieldOfWork", "verwaltung");
        register(id, other).statusCode(201);
        long first = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find(
                "event.id = ?1 order by id", id).firstResult().id);
        User moderator = Fixtures.moderator();
        moderator.as().put("/api/events/" + id + "/registrations/" + first + "/check-in").then().statusCode(200)
                .body("checkedInAt", notNullValue());
        moderator.as().put("/api/events/999999999/registrations/" + first + "/check-in").then().statusCode(404);
        Fixtures.expert().as().put("/api/events/" + id + "/registrations/" + first + "/check-in").then()
                .statusCode(403);
        EventService events = io.quarkus.arc.Arc.container().instance(EventService.class).get();
        var counts = QuarkusTransaction.requiringNew().call(() -> events.counts(id));
        assertEquals(2, counts.confirmed());
        assertEquals(1, counts.checkedIn());
        var fields = QuarkusTransaction.requiringNew().call(() -> events.byFieldOfWork(id, java.util.Locale.GERMAN));
        assertEquals("Praxis", fields.get(0).label());
        assertEquals(1, fields.get(0).attended());
        assertEquals(1, fields.get(1).registered());
        assertEquals(0, fields.get(1).attended());
        moderator.as().delete("/api/events/" + id + "/registrations/" + first + "/check-in").then()
                .statusCode(200).body("checkedInAt", nullValue());
    }

    @Test
    void inviteCreatesASingleUseInvitationAndMailsIt() {
        long id = create(null);
        String email = email();
        register(id, person(email)).statusCode(201);
        long rid = registration(id, email).id;
        String url = Fixtures.moderator().as().post("/api/events/" + id + "/registrations/" + rid + "/invitation")
                .then().statusCode(200).body("invitedAt", notNullValue())
                .body("invitationUrl", containsString("/register?code=")).extract().path("invitationUrl");
        String code = url.substring(url.indexOf("code=") + 5);
        Invitation invitation = QuarkusTransaction.requiringNew().call(() -> Invitation.findByCode(code).orElseThrow());
        assertEquals(1, invitation.maxUses);
        assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getText().contains(url)));
    }

    @Test
    void invitationRequestsAnswerTheSameForAnyAddress() {
        long id = create(null);
        String email = email();
        register(id, person(email)).statusCode(201);
        String path = "/api/discussions/" + Fixtures.SLUG + "/invitation-requests";
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post(path).then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", email())).post(path).then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", "kaputt")).post(path).then().statusCode(422)
                .body("field", equalTo("email"));
        assertNotNull(registration(id, email).invitationRequestedAt);
    }

    @Test
    void tooManyRegistrationsFromOneAddressAre429() {
        long id = create(null);
        limiter.reset(2);
        register(id, person(email())).statusCode(201);
        register(id, person(email())).statusCode(201);
        register(id, person(email())).statusCode(429).contentType(PROBLEM).header("Retry-After", notNullValue());
        assertEquals(2, registrations(id));
    }

    @Test
    void calendarFileNamesTheVenue() {
        long id = create(null);
        given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("LOCATION:Geschäftsstelle der LAG\\, Stiftstr. 15\\, 30159 Hannover"))
                .body(containsString("TZID:Europe/Berlin"));
        assertNull(null);
    }
}
