package org.thesenforum.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.person;
import static org.thesenforum.event.EventFixtures.register;
import static org.thesenforum.event.EventFixtures.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.MutableClock;

/** Contact data of registrations goes the retention time after the event; the counts stay. */
@QuarkusTest
class ContactDataRetentionTest {

    @Inject
    RegistrationService registrations;

    @Inject
    EventService events;

    @Inject
    EventClock clock;

    @Inject
    ContactDataRetention job;

    @AfterEach
    void systemClock() {
        clock.use(null);
    }

    @Test
    void contactDataIsDeletedNinetyDaysAfterTheEndAndCountsRemain() {
        OffsetDateTime end = OffsetDateTime.now(EventFixtures.BERLIN).plusDays(30).withHour(16).withMinute(0)
                .withSecond(0).withNano(0);
        Map<String, Object> body = EventFixtures.event("Mit Aufbewahrungsfrist");
        body.put("start", end.minusHours(5).toString());
        body.put("end", end.toString());
        long id = EventFixtures.createFrom(body);
        String email = email();
        String cancelUrl = register(id, person(email)).statusCode(201).extract().path("cancelUrl");
        long rid = registration(id, email).id;
        MutableClock time = new MutableClock(end.toInstant().plus(Duration.ofDays(90)));
        clock.use(time);

        job.run();
        Registration kept = QuarkusTransaction.requiringNew().call(() -> Registration.findById(rid));
        assertEquals(email, kept.email, "not before the retention time has passed");

        time.advance(Duration.ofMinutes(1));
        job.run();
        Registration gone = QuarkusTransaction.requiringNew().call(() -> Registration.findById(rid));
        assertNull(gone.name);
        assertNull(gone.email);
        assertNull(gone.organisation);
        assertNull(gone.note);
        assertNotNull(gone.anonymisedAt);
        assertEquals("praxis", gone.fieldOfWork);
        assertEquals(Registration.Status.CONFIRMED, gone.status);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> events.counts(id)).confirmed());
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> events.byFieldOfWork(id, java.util.Locale.GERMAN)).get(0).registered());
        // The personal link no longer shows anything.
        io.restassured.RestAssured.given().get("/api/registrations/" + EventFixtures.token(cancelUrl)).then()
                .statusCode(404);
        assertEquals(0, QuarkusTransaction.requiringNew().call(
                () -> registrations.deleteExpiredContactData(time.instant(), Duration.ofDays(90))));
    }

    @Test
    void anEventWithoutEndCountsFromItsStart() {
        Map<String, Object> body = EventFixtures.event("Ohne Ende");
        body.remove("end");
        long id = EventFixtures.createFrom(body);
        String email = email();
        register(id, person(email)).statusCode(201);
        Instant start = OffsetDateTime.parse((String) body.get("start")).toInstant();
        QuarkusTransaction.requiringNew().run(
                () -> registrations.deleteExpiredContactData(start.plus(Duration.ofDays(10)), Duration.ofDays(10)));
        assertEquals(email, registration(id, email).email);
        QuarkusTransaction.requiringNew().run(() -> registrations.deleteExpiredContactData(
                start.plus(Duration.ofDays(10)).plusSeconds(1), Duration.ofDays(10)));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find(
                "event.id = ?1", id).firstResult().email));
    }
}
