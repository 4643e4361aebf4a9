package org.thesenforum.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.thesenforum.web.ProblemException;

/**
 * A per-account budget of actions in a sliding one-minute window; over it, the action gets 429 with Retry-After.
 * The comment feature keeps two: one for new comments, one shared by edits and deletes.
 */
public final class CommentRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perMinute;
    private final String tooMany;
    private final Clock clock;

    /** {@code tooMany} opens the German refusal, e.g. "Zu viele Beiträge in kurzer Zeit." */
    CommentRateLimiter(int perMinute, String tooMany, Clock clock) {
        this.perMinute = perMinute;
        this.tooMany = tooMany;
        this.clock = clock;
    }

    /** Counts one action for the account and returns its slot, or throws 429 when the budget is spent. */
    public Instant acquire(long accountId) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
                throw new ProblemException(429, null, tooMany + " Bitte in " + wait
                        + " Sekunden erneut versuchen.", Map.of("Retry-After", String.valueOf(wait)));
            }
            times.addLast(now);
            return now;
        }
    }

    /** Gives back a slot taken by {@link #acquire} when the action was not stored after all. */
    public void release(long accountId, Instant slot) {
        Deque<Instant> times = recent.get(accountId);
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(slot);
            }
        }
    }

    public void reset() {
        recent.clear();
    }
}
