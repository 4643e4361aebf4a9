package org.thesenforum.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * A per-account budget of actions in a sliding one-minute window; over it, the action gets 429 with Retry-After.
 * The comment feature keeps two: one for new comments, one shared by edits and deletes.
 */
public final class CommentRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perMinute;
    private final LongFunction<Text> refusal;
    private final Clock clock;

    /** {@code refusal} says what was too much and in how many seconds to try again. */
    private CommentRateLimiter(int perMinute, LongFunction<Text> refusal, Clock clock) {
        this.perMinute = perMinute;
        this.refusal = refusal;
        this.clock = clock;
    }

    /** The budget of new comments and replies. */
    static CommentRateLimiter forComments(int perMinute, Clock clock) {
        return new CommentRateLimiter(perMinute,
                seconds -> Text.of(CommentMessages.class, m -> m.problem_too_many_comments(seconds)), clock);
    }

    /** The budget that edits and deletes share. */
    static CommentRateLimiter forChanges(int perMinute, Clock clock) {
        return new CommentRateLimiter(perMinute,
                seconds -> Text.of(CommentMessages.class, m -> m.problem_too_many_changes(seconds)), clock);
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
                throw ProblemException.tooManyRequests(refusal.apply(wait), wait);
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
