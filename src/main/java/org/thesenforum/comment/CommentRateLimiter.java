package org.thesenforum.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import org.thesenforum.cluster.SharedCounters;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * A per-account budget of actions in a sliding one-minute window; over it, the action gets 429 with Retry-After.
 * The comment feature keeps two: one for new comments, one shared by edits and deletes.
 * <p>
 * On one instance (H2) the budget counts in memory, and a slot that was not used is given back by {@link #release}.
 * When instances share the database, it counts in {@link SharedCounters} within the writing transaction: the slot is
 * stored with the change and rolls back with it, and the account's budget stays locked until that transaction ends,
 * so parallel writes of one account on any instance are counted one after the other.
 */
public final class CommentRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perMinute;
    private final String scope;
    private final LongFunction<Text> refusal;
    private final Clock clock;
    private final SharedCounters shared;

    /**
     * {@code scope} names the budget among the shared counters; {@code refusal} says what was too much and in how
     * many seconds to try again; {@code shared} is null to count in memory.
     */
    private CommentRateLimiter(int perMinute, String scope, LongFunction<Text> refusal, Clock clock,
            SharedCounters shared) {
        this.perMinute = perMinute;
        this.scope = scope;
        this.refusal = refusal;
        this.clock = clock;
        this.shared = shared;
    }

    /** The budget of new comments and replies, in memory. */
    static CommentRateLimiter forComments(int perMinute, Clock clock) {
        return forComments(perMinute, clock, null);
    }

    /** The budget of new comments and replies; {@code shared} null counts in memory. */
    static CommentRateLimiter forComments(int perMinute, Clock clock, SharedCounters shared) {
        return new CommentRateLimiter(perMinute, "comment",
                seconds -> Text.of(CommentMessages.class, m -> m.problem_too_many_comments(seconds)), clock, shared);
    }

    /** The budget that edits and deletes share, in memory. */
    static CommentRateLimiter forChanges(int perMinute, Clock clock) {
        return forChanges(perMinute, clock, null);
    }

    /** The budget that edits and deletes share; {@code shared} null counts in memory. */
    static CommentRateLimiter forChanges(int perMinute, Clock clock, SharedCounters shared) {
        return new CommentRateLimiter(perMinute, "comment-change",
                seconds -> Text.of(CommentMessages.class, m -> m.problem_too_many_changes(seconds)), clock, shared);
    }

    /** Whether the budget counts in the shared database, inside the caller's transaction. */
    boolean shared() {
        return shared != null;
    }

    /**
     * Counts one action for the account and returns its slot, or throws 429 when the budget is spent. On the shared
     * database it needs the writing transaction, and must come before that transaction's first row lock.
     */
    public Instant acquire(long accountId) {
        Instant now = clock.instant();
        if (shared != null) {
            SharedCounters.Taken taken = shared.takeWithin(now,
                    new SharedCounters.Budget(key(accountId), perMinute, WINDOW));
            if (!taken.granted()) {
                throw ProblemException.tooManyRequests(refusal.apply(taken.retryAfter()), taken.retryAfter());
            }
            return now;
        }
        Deque<Instant> times = recent.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                // A budget of 0 has no slot to wait for: a whole window.
                Instant oldest = times.isEmpty() ? now : times.peekFirst();
                long wait = Math.max(1, Duration.between(now, oldest.plus(WINDOW)).toSeconds() + 1);
                throw ProblemException.tooManyRequests(refusal.apply(wait), wait);
            }
            times.addLast(now);
            return now;
        }
    }

    /**
     * On the shared database: locks the account's budget in the caller's transaction now, before its first row lock,
     * for a write that may {@link #acquire} only after it has locked a row. In memory: nothing.
     */
    void lockFirst(long accountId) {
        if (shared != null) {
            shared.lockWithin(key(accountId));
        }
    }

    /**
     * Gives back a slot taken by {@link #acquire} when the action was not stored after all. On the shared database
     * there is nothing to give back: the slot was part of the transaction that did not commit.
     */
    public void release(long accountId, Instant slot) {
        if (shared != null) {
            return;
        }
        Deque<Instant> times = recent.get(accountId);
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(slot);
            }
        }
    }

    /** Forgets every slot, in memory and (tests) on the shared database. */
    public void reset() {
        recent.clear();
        if (shared != null) {
            shared.forget(scope);
        }
    }

    private String key(long accountId) {
        return scope + ":" + accountId;
    }
}
