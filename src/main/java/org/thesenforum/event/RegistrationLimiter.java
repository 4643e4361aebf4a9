package org.thesenforum.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.SharedCounters;
import org.thesenforum.web.ProblemException;

/**
 * Registrations and invitation requests per client address in a sliding hour, against form spam: over the budget
 * ({@code forum.events.registrations-per-hour}), 429 with {@code Retry-After}. When instances share the database, the
 * budget counts in {@link SharedCounters} ({@code registration:} keys), in a transaction of its own.
 */
@ApplicationScoped
class RegistrationLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String SCOPE = "registration";
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final EventClock clock;
    /** Null: the budget counts in the map above. */
    private final SharedCounters shared;
    private volatile int perHour;

    @Inject
    RegistrationLimiter(EventConfig config, EventClock clock, Cluster cluster, SharedCounters counters) {
        this(config.registrationsPerHour(), clock, cluster.shared() ? counters : null);
    }

    /** {@code shared} null: counting in memory. */
    RegistrationLimiter(int perHour, EventClock clock, SharedCounters shared) {
        this.perHour = perHour;
        this.clock = clock;
        this.shared = shared;
    }

    /** Counts one request from {@code address}, or throws 429 when its budget is spent. */
    void acquire(String address) {
        Instant now = clock.now();
        if (shared != null) {
            SharedCounters.Taken taken = shared.take(now,
                    new SharedCounters.Budget(SCOPE + ":" + address, perHour, WINDOW));
            if (!taken.granted()) {
                throw refused(taken.retryAfter());
            }
            return;
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                throw refused(Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1));
            }
            times.addLast(now);
        }
    }

    private static ProblemException refused(long wait) {
        return ProblemException.tooManyRequests(EventService.text(m -> m.problem_too_many(wait / 60 + 1)), wait);
    }

    private static boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
        }
    }

    /** Tests set a budget and start from nothing (on a shared database: every instance's counts). */
    void reset(int budget) {
        perHour = budget;
        recent.clear();
        if (shared != null) {
            shared.forget(SCOPE);
        }
    }
}
