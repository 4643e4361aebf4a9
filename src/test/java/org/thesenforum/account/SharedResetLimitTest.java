package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.cluster.OtherInstanceCounters;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.web.ProblemException;

/** The limits of password-reset requests of instances that share a PostgreSQL database (skipped on H2). */
@QuarkusTest
class SharedResetLimitTest {

    @Inject
    ResetLimiter forum;

    private MutableClock time;
    private AccountClock clock;
    private ResetLimiter one;
    private ResetLimiter two;

    @BeforeEach
    void twoInstances() {
        assumeTrue(OtherInstanceCounters.sharedDatabase(), "the limits count in the database on PostgreSQL only");
        time = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        clock = new AccountClock();
        clock.use(time);
        one = new ResetLimiter(clock, OtherInstanceCounters.counters());
        two = new ResetLimiter(clock, OtherInstanceCounters.counters());
    }

    @AfterEach
    void forget() {
        forum.reset();
    }

    @Test
    void requestsForOneAddressCountOnEveryInstance() {
        String email = "vergessen-" + System.nanoTime() + "@example.org";
        one.acquire(email, "198.51.100.1");
        time.advance(Duration.ofMinutes(10));
        two.acquire(email, "198.51.100.2");
        time.advance(Duration.ofMinutes(10));
        one.acquire(email, "198.51.100.3");
        time.advance(Duration.ofMinutes(10));
        ProblemException e = assertThrows(ProblemException.class, () -> two.acquire(email, "198.51.100.4"));
        assertEquals(429, e.status());
        assertEquals("1801", e.headers().get("Retry-After"));
        assertEquals("Zu viele Anfragen zum Zurücksetzen des Passworts. Bitte versuchen Sie es in 31 Minuten wieder.",
                e.getMessage());
        assertEquals("Too many password reset requests. Please try again in 31 minutes.", e.message(Locale.ENGLISH));
        time.advance(Duration.ofMinutes(30));
        two.acquire(email, "198.51.100.4");
    }

    @Test
    void parallelRequestsFromOneClientOnTwoInstancesStayWithinItsLimit() throws Exception {
        String requester = "203.0.113." + (System.nanoTime() % 200);
        int asked = ResetLimiter.PER_REQUESTER + 6;
        ExecutorService pool = Executors.newFixedThreadPool(asked);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < asked; i++) {
                ResetLimiter instance = i % 2 == 0 ? one : two;
                String email = "parallel-" + i + "-" + System.nanoTime() + "@example.org";
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        instance.acquire(email, requester);
                        return 202;
                    } catch (ProblemException e) {
                        return e.status();
                    }
                }));
            }
            start.countDown();
            int accepted = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                accepted += status == 202 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertEquals(ResetLimiter.PER_REQUESTER, accepted);
            assertEquals(6, limited);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsCountedByAnotherInstanceRefuseHere() {
        String email = "anderswo-" + System.nanoTime() + "@example.org";
        ResetLimiter other = new ResetLimiter(new AccountClock(), OtherInstanceCounters.counters());
        for (int i = 0; i < ResetLimiter.PER_ADDRESS; i++) {
            other.acquire(email, "198.51.100." + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/password-resets").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", matchesPattern("\\d+"))
                .body("status", equalTo(429))
                .body("detail", startsWith("Zu viele Anfragen zum Zurücksetzen des Passworts."));
    }
}
