package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.web.ProblemException;

/** Runs inside the application, whose message bundles spell the refusals. */
@QuarkusTest
class LoginThrottleTest {

    private static final int MAX_FAILURES = 3;
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String VENUE = "192.0.2.10";
    private static final String HOME = "198.51.100.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-15T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, LOCKOUT, clock);

    @Test
    void allowsAttemptsBelowTheLimit() {
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
    }

    @Test
    void locksTheAccountAfterTooManyFailures() {
        fail(ALICE, VENUE, MAX_FAILURES);
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.reserve(ALICE, HOME));
        assertEquals(429, e.status());
        assertEquals("901", e.headers().get("Retry-After"));
        assertTrue(e.getMessage().contains("15 Minuten"), e.getMessage());
    }

    @Test
    void retryAfterCountsFromTheFirstFailure() {
        throttle.reserve(ALICE, VENUE);
        clock.advance(Duration.ofMinutes(10));
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.reserve(ALICE, VENUE));
        assertEquals("301", e.headers().get("Retry-After"));
    }

    @Test
    void lockoutEndsAfterTheWindowAndCountingStartsAfresh() {
        fail(ALICE, VENUE, MAX_FAILURES);
        clock.advance(LOCKOUT.minusSeconds(1));
        assertThrows(ProblemException.class, () -> throttle.reserve(ALICE, VENUE));
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
        fail(ALICE, VENUE, MAX_FAILURES - 2);
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
        assertThrows(ProblemException.class, () -> throttle.reserve(ALICE, VENUE));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        clock.advance(LOCKOUT);
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
    }

    @Test
    void successClearsTheAccountCount() {
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        throttle.reserve(ALICE, VENUE);
        throttle.succeeded(ALICE, VENUE);
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
    }

    @Test
    void otherAccountsAreNotLockedByOnesFailures() {
        fail(ALICE, VENUE, MAX_FAILURES);
        assertDoesNotThrow(() -> throttle.reserve(BOB, VENUE));
    }

    @Test
    void addressMayFailFourTimesAsOftenAsAnAccount() {
        int addressLimit = MAX_FAILURES * 4;
        for (int i = 0; i < addressLimit - 1; i++) {
            throttle.reserve("person" + i + "@example.org", VENUE);
        }
        assertDoesNotThrow(() -> throttle.reserve(BOB, VENUE));
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.reserve(BOB, VENUE));
        assertEquals(429, e.status());
        assertDoesNotThrow(() -> throttle.reserve(BOB, HOME));
    }

    @Test
    void successGivesBackOnlyItsOwnAttemptAtTheAddress() {
        for (int i = 0; i < MAX_FAILURES * 4 - 1; i++) {
            throttle.reserve("person" + i + "@example.org", VENUE);
        }
        throttle.reserve(BOB, VENUE);
        throttle.succeeded(BOB, VENUE);
        assertDoesNotThrow(() -> throttle.reserve("carol@example.org", VENUE));
        assertThrows(ProblemException.class, () -> throttle.reserve("dave@example.org", VENUE));
    }

    @Test
    void parallelGuessesReserveNoMoreAttemptsThanTheLimit() throws Exception {
        int guesses = 30;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger reserved = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String address = "203.0.113." + i;
            done.add(pool.submit(() -> {
                start.await();
                try {
                    throttle.reserve(ALICE, address);
                    reserved.incrementAndGet();
                } catch (ProblemException e) {
                    assertEquals(429, e.status());
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(MAX_FAILURES, reserved.get());
    }

    @Test
    void resetForgetsEverything() {
        fail(ALICE, VENUE, MAX_FAILURES);
        throttle.reset();
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
    }

    @Test
    void expiredFailuresAreEvictedSoGuessesDoNotPileUp() {
        for (int i = 0; i < 100; i++) {
            throttle.reserve("guess" + i + "@example.org", "10.0.0." + i);
        }
        throttle.evictExpired();
        assertEquals(200, throttle.tracked());
        clock.advance(LOCKOUT);
        throttle.evictExpired();
        assertEquals(0, throttle.tracked());
    }

    @Test
    void unknownKeysAreIgnored() {
        assertDoesNotThrow(() -> throttle.reserve(null, null));
        assertDoesNotThrow(() -> throttle.succeeded(null, null));
    }

    /** Attempts that were reserved and turned out wrong. */
    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.reserve(account, address);
        }
    }
}
