package org.thesenforum.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Limits failed logins per account and per address: after too many failures within the lockout window, further
 * attempts are refused with 429 until the window has passed.
 * <p>
 * Each key counts confirmed failures and pending attempts (reserved, password not yet checked) separately. An attempt
 * is refused at once when the confirmed failures have reached the limit; when confirmed failures and pending
 * attempts together have, it waits (bounded) on this monitor until pending attempts resolve, so that parallel
 * guesses never get more passwords checked than the limit allows, while parallel requests with the right password
 * (a script's HTTP Basic calls) are only delayed, not refused.
 */
@ApplicationScoped
public class LoginThrottle {

    /** How long an attempt waits at most for pending attempts of its account or address to resolve. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final Map<String, Attempts> byAccount = new HashMap<>();
    private final Map<String, Attempts> byAddress = new HashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxWait;
    private final Clock clock;

    @Inject
    LoginThrottle(ForumConfig config) {
        this(config.login().maxFailures(), config.login().lockout(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this(maxFailures, lockout, MAX_WAIT, clock);
    }

    LoginThrottle(int maxFailures, Duration lockout, Duration maxWait, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Confirmed failures within the window that began at the first of them, and attempts not yet decided. */
    private static final class Attempts {
        int failures;
        Instant firstFailureAt;
        int pending;

        void expire(Instant now, Duration lockout) {
            if (firstFailureAt != null && !now.isBefore(firstFailureAt.plus(lockout))) {
                failures = 0;
                firstFailureAt = null;
            }
        }

        boolean idle() {
            return failures == 0 && pending == 0;
        }
    }

    /**
     * Reserves one attempt for the account and the address before the password is checked; the caller must end it
     * with {@link #succeeded} or {@link #failed}. Throws 429 with Retry-After when either has used up its failures,
     * or when pending attempts did not resolve within {@link #MAX_WAIT}. Reserving and checking happen under one
     * lock, so parallel guesses cannot all pass the check before any is counted.
     */
    public synchronized void reserve(String accountKey, String address) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Instant now = clock.instant();
            Attempts account = current(byAccount, accountKey, now);
            // An address is shared by a whole venue network, so it may fail more often than one account.
            Attempts at = current(byAddress, address, now);
            long locked = Math.max(secondsLocked(account, maxFailures, now), secondsLocked(at, addressLimit(), now));
            if (locked > 0) {
                throw throttled(locked);
            }
            if (free(account, maxFailures) && free(at, addressLimit())) {
                pend(byAccount, accountKey);
                pend(byAddress, address);
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw throttled(Math.max(1, maxWait.toSeconds()));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw throttled(Math.max(1, maxWait.toSeconds()));
            }
        }
    }

    /** The reserved attempt was right: the account starts afresh and the address gets its attempt back. */
    public synchronized void succeeded(String accountKey, String address) {
        Attempts account = accountKey == null ? null : byAccount.get(accountKey);
        if (account != null) {
            account.pending = Math.max(0, account.pending - 1);
            account.failures = 0;
            account.firstFailureAt = null;
            forgetIfIdle(byAccount, accountKey, account);
        }
        Attempts at = address == null ? null : byAddress.get(address);
        if (at != null) {
            at.pending = Math.max(0, at.pending - 1);
            forgetIfIdle(byAddress, address, at);
        }
        notifyAll();
    }

    /** The reserved attempt was wrong (or could not be decided): its pending slot becomes a confirmed failure. */
    public synchronized void failed(String accountKey, String address) {
        Instant now = clock.instant();
        fail(byAccount, accountKey, now);
        fail(byAddress, address, now);
        notifyAll();
    }

    /** Forgets failures whose window has passed, so failed guesses for unknown e-mails do not pile up. */
    @io.quarkus.scheduler.Scheduled(every = "5m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    synchronized void evictExpired() {
        Instant now = clock.instant();
        for (Map<String, Attempts> map : java.util.List.of(byAccount, byAddress)) {
            map.values().removeIf(a -> {
                a.expire(now, lockout);
                return a.idle();
            });
        }
    }

    /** Number of accounts and addresses with recorded failures or pending attempts. */
    synchronized int tracked() {
        return byAccount.size() + byAddress.size();
    }

    /** Forget everything, e.g. between tests. */
    public synchronized void reset() {
        byAccount.clear();
        byAddress.clear();
        notifyAll();
    }

    private int addressLimit() {
        return maxFailures * 4;
    }

    private Attempts current(Map<String, Attempts> map, String key, Instant now) {
        Attempts attempts = key == null ? null : map.get(key);
        if (attempts == null) {
            return null;
        }
        attempts.expire(now, lockout);
        forgetIfIdle(map, key, attempts);
        return attempts;
    }

    private long secondsLocked(Attempts attempts, int limit, Instant now) {
        if (attempts == null || attempts.failures < limit) {
            return 0;
        }
        return Duration.between(now, attempts.firstFailureAt.plus(lockout)).toSeconds() + 1;
    }

    private static boolean free(Attempts attempts, int limit) {
        return attempts == null || attempts.failures + attempts.pending < limit;
    }

    private static void pend(Map<String, Attempts> map, String key) {
        if (key != null) {
            map.computeIfAbsent(key, k -> new Attempts()).pending++;
        }
    }

    private void fail(Map<String, Attempts> map, String key, Instant now) {
        if (key == null) {
            return;
        }
        Attempts attempts = map.computeIfAbsent(key, k -> new Attempts());
        attempts.pending = Math.max(0, attempts.pending - 1);
        attempts.expire(now, lockout);
        if (attempts.failures == 0) {
            attempts.firstFailureAt = now;
        }
        attempts.failures++;
    }

    private static void forgetIfIdle(Map<String, Attempts> map, String key, Attempts attempts) {
        if (attempts.idle()) {
            map.remove(key, attempts);
        }
    }

    private static ProblemException throttled(long seconds) {
        long minutes = Math.max(1, seconds / 60);
        return ProblemException.tooManyRequests(Text.of(AccountMessages.class, m -> m.problem_login_throttled(minutes)),
                seconds);
    }
}
