package org.thesenforum.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ProblemException;

/**
 * Registrations and invitation requests per client address in a sliding hour, against form spam: over the budget
 * ({@code forum.events.registrations-per-hour}), 429 with {@code Retry-After}.
 */
@ApplicationScoped
class RegistrationLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final EventClock clock;
    private volatile int perHour;

    RegistrationLimiter(EventConfig config, EventClock clock) {
        this.perHour = config.registrationsPerHour();
        this.clock = clock;
    }

    /** Counts one request from {@code address}, or throws 429 when its budget is spent. */
    void acquire(String address) {
        Instant now = clock.now();
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
                throw ProblemException.tooManyRequests(EventService.text(m -> m.problem_too_many(wait / 60 + 1)),
                        wait);
            }
            times.addLast(now);
        }
    }

    private static boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
        }
    }

    /** Tests set a budget and start from nothing. */
    void reset(int budget) {
        perHour = budget;
        recent.clear();
    }
}
