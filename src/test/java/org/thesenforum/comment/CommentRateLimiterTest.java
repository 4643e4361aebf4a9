package org.thesenforum.comment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
class CommentRateLimiterTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final int LIMIT = 3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-15T10:00:00Z"));
    private final CommentRateLimiter limiter =
            CommentRateLimiter.forComments(LIMIT, clock);

    @Test
    void allowsTheLimitWithinAMinute() {
        for (int i = 0; i < LIMIT; i++) {
            assertDoesNotThrow(() -> limiter.acquire(ALICE));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void oneMoreWithinTheMinuteIs429WithRetryAfter() {
        fill(ALICE);
        ProblemException e = assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertEquals(429, e.status());
        assertNull(e.field());
        assertEquals("61", e.headers().get("Retry-After"));
        assertEquals("Zu viele Beiträge in kurzer Zeit. Bitte in 61 Sekunden erneut versuchen.", e.getMessage());
    }

    @Test
    void aBudgetOfZeroRefusesEveryCommentWithAMinutesWait() {
        CommentRateLimiter none = CommentRateLimiter.forComments(0, clock);
        ProblemException e = assertThrows(ProblemException.class, () -> none.acquire(ALICE));
        assertEquals(429, e.status());
        assertEquals("61", e.headers().get("Retry-After"));
    }

    @Test
    void eachBudgetNamesWhatWasTooMuch() {
        CommentRateLimiter edits = CommentRateLimiter.forChanges(1, clock);
        edits.acquire(ALICE);
        ProblemException e = assertThrows(ProblemException.class, () -> edits.acquire(ALICE));
        assertEquals("Zu viele Bearbeitungen und Löschungen in kurzer Zeit. Bitte in 61 Sekunden erneut versuchen.",
                e.getMessage());
        assertDoesNotThrow(() -> limiter.acquire(ALICE), "budgets are independent");
    }

    @Test
    void retryAfterCountsUntilTheOldestCommentLeavesTheWindow() {
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(10));
        ProblemException e = assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertEquals("31", e.headers().get("Retry-After"));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        fill(ALICE);
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        ProblemException e = assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertEquals("1", e.headers().get("Retry-After"));
    }

    @Test
    void aSlotFreesExactlyOneMinuteAfterTheOldestComment() {
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(ALICE);
        limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(29));
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limiter.acquire(ALICE));
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        fill(ALICE);
        for (int i = 0; i < 10; i++) {
            assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
            clock.advance(Duration.ofSeconds(5));
        }
        clock.advance(Duration.ofSeconds(10));
        assertDoesNotThrow(() -> limiter.acquire(ALICE));
    }

    @Test
    void limitsArePerAccount() {
        fill(ALICE);
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertDoesNotThrow(() -> fill(BOB));
    }

    @Test
    void releaseGivesBackTheSlot() {
        fill(ALICE);
        Instant slot = clock.instant();
        limiter.release(ALICE, slot);
        assertDoesNotThrow(() -> limiter.acquire(ALICE));
        assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertDoesNotThrow(() -> limiter.release(BOB, slot));
    }

    @Test
    void releaseGivesBackItsOwnSlotNotTheNewestOne() {
        Instant first = limiter.acquire(ALICE);
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(ALICE);
        limiter.acquire(ALICE);
        limiter.release(ALICE, first);
        limiter.acquire(ALICE);
        // The released slot was the oldest: the budget frees only when the 30-second-old slots leave the window.
        clock.advance(Duration.ofSeconds(31));
        ProblemException e = assertThrows(ProblemException.class, () -> limiter.acquire(ALICE));
        assertEquals("30", e.headers().get("Retry-After"));
    }

    @Test
    void resetForgetsEveryone() {
        fill(ALICE);
        fill(BOB);
        limiter.reset();
        assertDoesNotThrow(() -> fill(ALICE));
        assertDoesNotThrow(() -> fill(BOB));
    }

    private void fill(long account) {
        for (int i = 0; i < LIMIT; i++) {
            limiter.acquire(account);
        }
    }
}
