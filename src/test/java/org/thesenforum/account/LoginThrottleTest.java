package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
        fail(ALICE, VENUE, 1);
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
        fail(ALICE, VENUE, MAX_FAILURES - 1);
        assertDoesNotThrow(() -> throttle.reserve(ALICE, VENUE));
        throttle.failed(ALICE, VENUE);
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
            fail("person" + i + "@example.org", VENUE, 1);
        }
        assertDoesNotThrow(() -> throttle.reserve(BOB, VENUE));
        throttle.failed(BOB, VENUE);
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.reserve(BOB, VENUE));
        assertEquals(429, e.status());
        assertDoesNotThrow(() -> throttle.reserve(BOB, HOME));
    }

    @Test
    void successGivesBackOnlyItsOwnAttemptAtTheAddress() {
        for (int i = 0; i < MAX_FAILURES * 4 - 1; i++) {
            fail("person" + i + "@example.org", VENUE, 1);
        }
        throttle.reserve(BOB, VENUE);
        throttle.succeeded(BOB, VENUE);
        assertDoesNotThrow(() -> throttle.reserve("carol@example.org", VENUE));
        throttle.failed("carol@example.org", VENUE);
        assertThrows(ProblemException.class, () -> throttle.reserve("dave@example.org", VENUE));
    }

    @Test
    void parallelGuessesNeverCheckMoreThanTheLimit() throws Exception {
        int guesses = 30;
        AtomicInteger checked = new AtomicInteger();
        List<Integer> refusals = parallel(guesses, i -> {
            throttle.reserve(ALICE, "203.0.113." + i);
            checked.incrementAndGet();
            throttle.failed(ALICE, "203.0.113." + i);
        });
        assertEquals(MAX_FAILURES, checked.get());
        assertEquals(guesses - MAX_FAILURES, refusals.size());
        assertTrue(refusals.stream().allMatch(status -> status == 429), refusals.toString());
    }

    @Test
    void parallelAttemptsWithTheRightPasswordAllSucceed() throws Exception {
        int attempts = MAX_FAILURES * 3;
        AtomicInteger checked = new AtomicInteger();
        List<Integer> refusals = parallel(attempts, i -> {
            throttle.reserve(ALICE, VENUE);
            checked.incrementAndGet();
            throttle.succeeded(ALICE, VENUE);
        });
        assertEquals(List.of(), refusals);
        assertEquals(attempts, checked.get());
        assertEquals(0, throttle.tracked());
    }

    @Test
    void afterTheLimitEvenTheRightPasswordWaitsOutTheLockout() throws Exception {
        fail(ALICE, VENUE, MAX_FAILURES);
        List<Integer> refusals = parallel(4, i -> {
            throttle.reserve(ALICE, HOME);
            throttle.succeeded(ALICE, HOME);
        });
        assertEquals(List.of(429, 429, 429, 429), refusals);
        ProblemException e = assertThrows(ProblemException.class, () -> throttle.reserve(ALICE, HOME));
        assertEquals("901", e.headers().get("Retry-After"));
    }

    @Test
    void aPendingAttemptThatNeverResolvesIsRefusedAfterTheBoundedWait() {
        LoginThrottle quick = new LoginThrottle(1, LOCKOUT, Duration.ofMillis(50), clock);
        quick.reserve(ALICE, VENUE);
        ProblemException e = assertThrows(ProblemException.class, () -> quick.reserve(ALICE, HOME));
        assertEquals(429, e.status());
        assertTrue(Long.parseLong(e.headers().get("Retry-After")) >= 1);
    }

    /** Runs {@code count} attempts at once; returns the status of each refused one. */
    private static List<Integer> parallel(int count, IntConsumerThrowing attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                start.await();
                try {
                    attempt.accept(n);
                } catch (ProblemException e) {
                    refusals.add(e.status());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return refusals;
    }

    private interface IntConsumerThrowing {
        void accept(int i);
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
            fail("guess" + i + "@example.org", "10.0.0." + i, 1);
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
            throttle.failed(account, address);
        }
    }
}
