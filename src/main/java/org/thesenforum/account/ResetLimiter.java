package org.thesenforum.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.SharedCounters;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Requests for a password-reset mail in a sliding hour: at most {@link #PER_ADDRESS} for one e-mail address (whether
 * or not an account has it, so the limit tells nothing) and {@link #PER_REQUESTER} from one client address. Over
 * either, 429 with {@code Retry-After}. Checking and counting happen under one lock, so parallel requests cannot all
 * pass before any is counted.
 * <p>
 * When instances share the database, both budgets count in {@link SharedCounters} ({@code reset-email:} and
 * {@code reset-requester:} keys), checked and taken together in a transaction of their own: a counted request stays
 * counted whatever becomes of the request's transaction.
 */
@ApplicationScoped
class ResetLimiter {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int PER_ADDRESS = 3;
    static final int PER_REQUESTER = 10;

    private final Map<String, Deque<Instant>> byEmail = new HashMap<>();
    private final Map<String, Deque<Instant>> byRequester = new HashMap<>();
    private final AccountClock clock;
    /** Null: the budgets count in the maps above. */
    private final SharedCounters shared;

    @Inject
    ResetLimiter(AccountClock clock, Cluster cluster, SharedCounters counters) {
        this(clock, cluster.shared() ? counters : null);
    }

    /** {@code shared} null: counting in memory. */
    ResetLimiter(AccountClock clock, SharedCounters shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** Counts one request for {@code email} from {@code requester}, or throws 429 when either budget is spent. */
    void acquire(String email, String requester) {
        if (shared == null) {
            acquireInMemory(email, requester);
            return;
        }
        SharedCounters.Taken taken = shared.take(clock.now(),
                new SharedCounters.Budget("reset-email:" + email, PER_ADDRESS, WINDOW),
                new SharedCounters.Budget("reset-requester:" + requester, PER_REQUESTER, WINDOW));
        if (!taken.granted()) {
            throw refused(taken.retryAfter());
        }
    }

    private synchronized void acquireInMemory(String email, String requester) {
        Instant now = clock.now();
        long wait = Math.max(wait(byEmail, email, PER_ADDRESS, now), wait(byRequester, requester, PER_REQUESTER, now));
        if (wait > 0) {
            throw refused(wait);
        }
        byEmail.computeIfAbsent(email, k -> new ArrayDeque<>()).addLast(now);
        byRequester.computeIfAbsent(requester, k -> new ArrayDeque<>()).addLast(now);
    }

    private static ProblemException refused(long wait) {
        long minutes = Math.max(1, (wait + 59) / 60);
        return ProblemException.tooManyRequests(Text.of(ProfileMessages.class, m -> m.problem_reset_throttled(minutes)),
                wait);
    }

    /** Seconds until {@code key} may ask again, or 0 when it may now. */
    private static long wait(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        Deque<Instant> times = map.get(key);
        if (times == null) {
            return 0;
        }
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            map.remove(key);
            return 0;
        }
        return times.size() < limit ? 0 : Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1;
    }

    /** Forgets requests older than the window, so unknown addresses do not pile up. */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void evictExpired() {
        Instant cutoff = clock.now().minus(WINDOW);
        byEmail.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(cutoff));
        byRequester.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(cutoff));
    }

    /** Forget everything, e.g. between tests (on a shared database: every instance's counts). */
    void reset() {
        if (shared != null) {
            shared.forget("reset-email");
            shared.forget("reset-requester");
        }
        resetInMemory();
    }

    private synchronized void resetInMemory() {
        byEmail.clear();
        byRequester.clear();
    }
}
