package org.thesenforum.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.cluster.OtherInstanceCounters;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.ProblemException;

/**
 * The login throttle of instances that share a PostgreSQL database (skipped on H2): two throttles with counters of
 * their own instance stand for two instances of the forum, and the forum itself is a third.
 */
@QuarkusTest
class SharedLoginThrottleTest {

    private static final int MAX_FAILURES = 3;
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final String VENUE = "192.0.2.10";
    private static final String HOME = "198.51.100.7";

    @Inject
    LoginThrottle forum;

    private MutableClock clock;
    private LoginThrottle one;
    private LoginThrottle two;
    private String alice;

    @BeforeEach
    void twoInstances() {
        assumeTrue(OtherInstanceCounters.sharedDatabase(), "the throttle counts in the database on PostgreSQL only");
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        one = instance(LoginThrottle.MAX_WAIT);
        two = instance(LoginThrottle.MAX_WAIT);
        alice = "alice-" + System.nanoTime() + "@example.org";
    }

    @AfterEach
    void forget() {
        forum.reset();
    }

    private LoginThrottle instance(Duration maxWait) {
        return new LoginThrottle(MAX_FAILURES, LOCKOUT, maxWait, clock, OtherInstanceCounters.counters());
    }

    @Test
    void failuresOnOneInstanceLockTheAccountOnTheOther() {
        fail(one, alice, VENUE, 2);
        fail(two, alice, HOME, 1);
        ProblemException e = assertThrows(ProblemException.class, () -> one.reserve(alice, HOME));
        assertEquals(429, e.status());
        assertEquals("901", e.headers().get("Retry-After"));
        assertEquals("Zu viele fehlgeschlagene Anmeldungen. Bitte in 15 Minuten erneut versuchen.", e.getMessage());
        assertEquals("Too many failed sign-ins. Please try again in 15 minutes.", e.message(Locale.ENGLISH));
        assertThrows(ProblemException.class, () -> two.reserve(alice, VENUE));
    }

    @Test
    void retryAfterCountsFromTheFirstFailureOnWhicheverInstance() {
        fail(one, alice, VENUE, 1);
        clock.advance(Duration.ofMinutes(10));
        fail(two, alice, VENUE, MAX_FAILURES - 1);
        ProblemException e = assertThrows(ProblemException.class, () -> one.reserve(alice, VENUE));
        assertEquals("301", e.headers().get("Retry-After"));
        clock.advance(Duration.ofMinutes(5));
        assertDoesNotThrow(() -> two.reserve(alice, VENUE), "the window of the first failure has passed");
        two.succeeded(alice, VENUE);
    }

    @Test
    void aRightPasswordOnOneInstanceClearsTheAccountOnTheOther() {
        fail(one, alice, VENUE, MAX_FAILURES - 1);
        two.reserve(alice, HOME);
        two.succeeded(alice, HOME);
        fail(one, alice, VENUE, MAX_FAILURES - 1);
        assertDoesNotThrow(() -> one.reserve(alice, VENUE));
        one.failed(alice, VENUE);
        assertThrows(ProblemException.class, () -> two.reserve(alice, VENUE));
    }

    @Test
    void anAddressMayFailFourTimesAsOftenAcrossInstances() {
        String venue = "203.0.113." + (System.nanoTime() % 200);
        for (int i = 0; i < MAX_FAILURES * 4 - 1; i++) {
            fail(i % 2 == 0 ? one : two, "person" + i + "-" + alice, venue, 1);
        }
        assertDoesNotThrow(() -> one.reserve(alice, venue));
        one.failed(alice, venue);
        ProblemException e = assertThrows(ProblemException.class, () -> two.reserve("bob-" + alice, venue));
        assertEquals(429, e.status());
        assertEquals("901", e.headers().get("Retry-After"));
    }

    @Test
    void parallelGuessesOnTwoInstancesNeverCheckMoreThanTheLimit() throws Exception {
        int guesses = 30;
        AtomicInteger checked = new AtomicInteger();
        List<ProblemException> refusals = parallel(guesses, i -> {
            LoginThrottle instance = i % 2 == 0 ? one : two;
            instance.reserve(alice, "203.0.113." + i);
            checked.incrementAndGet();
            instance.failed(alice, "203.0.113." + i);
        });
        assertEquals(MAX_FAILURES, checked.get());
        assertEquals(guesses - MAX_FAILURES, refusals.size());
        for (ProblemException e : refusals) {
            assertEquals(429, e.status());
            assertTrue(Long.parseLong(e.headers().get("Retry-After")) >= 1, e.headers().toString());
        }
    }

    @Test
    void parallelRightPasswordsOnTwoInstancesAreDelayedNotRefused() throws Exception {
        int attempts = MAX_FAILURES * 3;
        AtomicInteger checked = new AtomicInteger();
        List<ProblemException> refusals = parallel(attempts, i -> {
            LoginThrottle instance = i % 2 == 0 ? one : two;
            instance.reserve(alice, VENUE);
            checked.incrementAndGet();
            instance.succeeded(alice, VENUE);
        });
        assertEquals(List.of(), refusals);
        assertEquals(attempts, checked.get());
        assertEquals(0, OtherInstanceCounters.live("login-account:" + alice, LoginThrottle.PENDING, clock.instant()));
        assertEquals(0, OtherInstanceCounters.live("login-address:" + VENUE, LoginThrottle.PENDING, clock.instant()));
    }

    @Test
    void anAttemptPendingOnAnotherInstanceMakesThisOneWaitAndThenDecide() throws Exception {
        fail(one, alice, VENUE, MAX_FAILURES - 1);
        one.reserve(alice, VENUE);
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> other = pool.submit(() -> {
                waiting.countDown();
                try {
                    two.reserve(alice, HOME);
                    return 0;
                } catch (ProblemException e) {
                    return e.status();
                }
            });
            assertTrue(waiting.await(5, TimeUnit.SECONDS));
            Thread.sleep(300);
            assertTrue(!other.isDone(), "the other instance waits while the last allowed guess is checked");
            one.failed(alice, VENUE);
            assertEquals(429, other.get(5, TimeUnit.SECONDS), "that guess was wrong: the account is locked");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttemptLeftPendingByAStoppedInstanceExpires() {
        LoginThrottle stopped = instance(LoginThrottle.MAX_WAIT);
        fail(stopped, alice, VENUE, MAX_FAILURES - 1);
        stopped.reserve(alice, VENUE);
        LoginThrottle quick = instance(Duration.ofMillis(200));
        ProblemException e = assertThrows(ProblemException.class, () -> quick.reserve(alice, HOME));
        assertEquals(429, e.status());
        assertEquals("1", e.headers().get("Retry-After"));
        clock.advance(LoginThrottle.PENDING_LEASE);
        assertDoesNotThrow(() -> quick.reserve(alice, HOME));
        quick.succeeded(alice, HOME);
    }

    @Test
    void failuresCountedByAnotherInstanceLockTheSignInFormHere() {
        Fixtures.User user = Fixtures.expert();
        LoginThrottle other = new LoginThrottle(5, LOCKOUT, LoginThrottle.MAX_WAIT, java.time.Clock.systemUTC(),
                OtherInstanceCounters.counters());
        fail(other, user.email(), HOME, 5);
        PageForms.open("/login", null).post().formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body(containsString("Zu viele fehlgeschlagene Anmeldungen."));
        user.as().get("/api/me").then().statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .body("status", equalTo(429));
    }

    @Test
    void wrongPasswordsAtAPasswordChangeCountOnEveryInstance() {
        Fixtures.User user = Fixtures.expert();
        String address = "127.0.0.1";
        LoginThrottle other = new LoginThrottle(5, LOCKOUT, LoginThrottle.MAX_WAIT, java.time.Clock.systemUTC(),
                OtherInstanceCounters.counters());
        for (int i = 0; i < 5; i++) {
            user.as().body(java.util.Map.of("current", "falsch-" + i + "-passwort", "new", "ganz-neu-2026-passwort"))
                    .put("/api/me/password").then().statusCode(403);
        }
        ProblemException e = assertThrows(ProblemException.class, () -> other.reserve("confirm:" + user.id(), address));
        assertEquals(429, e.status());
    }

    /** Attempts that were reserved and turned out wrong. */
    private static void fail(LoginThrottle throttle, String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.reserve(account, address);
            throttle.failed(account, address);
        }
    }

    private interface Attempt {
        void run(int i);
    }

    /** Runs {@code count} attempts at once; returns the refusals. */
    private static List<ProblemException> parallel(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<ProblemException> refusals = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        attempt.run(n);
                    } catch (ProblemException e) {
                        refusals.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            return refusals;
        } finally {
            pool.shutdownNow();
        }
    }
}
