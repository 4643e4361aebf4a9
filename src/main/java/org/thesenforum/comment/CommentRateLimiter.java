package org.thesenforum.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.ProblemException;

/** A sliding one-minute window of comments per account; over the limit, posting gets 429 with Retry-After. */
@ApplicationScoped
public class CommentRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    @Inject
    CommentRateLimiter(ForumConfig config) {
        this(config.comment().ratePerMinute(), Clock.systemUTC());
    }

    CommentRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one comment for the account, or throws 429 when the limit is reached. */
    public void acquire(long accountId) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
                throw new ProblemException(429, null, "Zu viele Beiträge in kurzer Zeit. Bitte in " + wait
                        + " Sekunden erneut versuchen.", Map.of("Retry-After", String.valueOf(wait)));
            }
            times.addLast(now);
        }
    }

    /** Gives back a slot when the comment was not stored after all. */
    public void release(long accountId) {
        Deque<Instant> times = recent.get(accountId);
        if (times != null) {
            synchronized (times) {
                times.pollLast();
            }
        }
    }

    public void reset() {
        recent.clear();
    }
}
