package org.thesenforum.event;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.thesenforum.event.EventFixtures.create;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.person;
import static org.thesenforum.event.EventFixtures.register;
import static org.thesenforum.event.EventFixtures.registrations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.cluster.OtherInstanceCounters;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.web.ProblemException;

/** The registration budget of instances that share a PostgreSQL database (skipped on H2). */
@QuarkusTest
class SharedRegistrationLimitTest {

    @Inject
    RegistrationLimiter forum;

    @BeforeEach
    void sharedDatabase() {
        assumeTrue(OtherInstanceCounters.sharedDatabase(), "the budget counts in the database on PostgreSQL only");
    }

    @AfterEach
    void generousLimit() {
        forum.reset(100_000);
    }

    @Test
    void twoInstancesCountOneBudgetPerAddress() {
        MutableClock time = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        EventClock clock = new EventClock();
        clock.use(time);
        RegistrationLimiter one = new RegistrationLimiter(2, clock, OtherInstanceCounters.counters());
        RegistrationLimiter two = new RegistrationLimiter(2, clock, OtherInstanceCounters.counters());
        String address = "198.51.100." + (System.nanoTime() % 200);
        one.acquire(address);
        time.advance(Duration.ofMinutes(20));
        two.acquire(address);
        time.advance(Duration.ofMinutes(10));
        ProblemException e = assertThrows(ProblemException.class, () -> one.acquire(address));
        assertEquals(429, e.status());
        assertEquals("1801", e.headers().get("Retry-After"));
        assertEquals("Von diesem Gerät oder Netz kamen gerade sehr viele Anmeldungen. Bitte versuchen Sie es in 31 "
                + "Minuten noch einmal.", e.getMessage());
        assertEquals("Too many registrations from this connection. Please try again in 31 minutes.",
                e.message(Locale.ENGLISH));
        two.acquire("2001:db8::" + System.nanoTime() % 1000);
        time.advance(Duration.ofMinutes(30));
        two.acquire(address);
    }

    @Test
    void registrationsCountedByAnotherInstanceRefuseHere() {
        long id = create(null);
        forum.reset(2);
        RegistrationLimiter other = new RegistrationLimiter(2, new EventClock(), OtherInstanceCounters.counters());
        register(id, person(email())).statusCode(201);
        other.acquire("127.0.0.1");
        register(id, person(email())).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+")).body("status", equalTo(429))
                .body("detail", startsWith("Von diesem Gerät oder Netz kamen gerade sehr viele Anmeldungen."));
        assertEquals(1, registrations(id));
        assertThrows(ProblemException.class, () -> other.acquire("127.0.0.1"));
    }
}
