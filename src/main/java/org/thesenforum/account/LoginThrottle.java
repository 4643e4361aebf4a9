package org.thesenforum.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.SharedCounters;
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
 * <p>
 * When instances share the database ({@link Cluster#shared()}), the same counts live in {@link SharedCounters}, as
 * entries of the kinds {@link #FAILURE} and {@link #PENDING} under {@code login-account:} and {@code login-address:}
 * keys, and each step (reserve, succeeded, failed) reads and changes them in a short transaction of its own with both
 * keys locked against every instance, so a failure stays counted even when the caller's transaction rolls back (a
 * wrong password at a password change is a 403). An attempt that has to wait looks again every {@link #POLL}, at
 * once when an attempt ends on this instance. A pending entry expires after {@link #PENDING_LEASE}, so the attempts
 * of an instance that stopped while checking them do not block the account for longer.
 */
@ApplicationScoped
public class LoginThrottle {

    /** How long an attempt waits at most for pending attempts of its account or address to resolve. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** Shared database: how often a waiting attempt looks whether pending attempts on other instances were decided. */
    static final Duration POLL = Duration.ofMillis(50);

    /** Shared database: how long a reserved attempt counts as pending at most (a password check takes a fraction). */
    static final Duration PENDING_LEASE = Duration.ofMinutes(1);

    /** Shared database: the kind of entry of a confirmed failure; all of a key's expire at the end of its window. */
    static final String FAILURE = "failure";

    /** Shared database: the kind of entry of an attempt whose password is being checked. */
    static final String PENDING = "pending";

    private static final String ACCOUNT_SCOPE = "login-account";
    private static final String ADDRESS_SCOPE = "login-address";

    private final Map<String, Attempts> byAccount = new HashMap<>();
    private final Map<String, Attempts> byAddress = new HashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxWait;
    private final Clock clock;
    /** Null: the counts live in the maps above. */
    private final SharedCounters shared;
    /** Shared database: attempts that ended on this instance, so that a waiting attempt can look again at once. */
    private final Object ended = new Object();
    private long endedCount;

    @Inject
    LoginThrottle(ForumConfig config, Cluster cluster, SharedCounters counters) {
        this(config.login().maxFailures(), config.login().lockout(), MAX_WAIT, Clock.systemUTC(),
                cluster.shared() ? counters : null);
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this(maxFailures, lockout, MAX_WAIT, clock);
    }

    LoginThrottle(int maxFailures, Duration lockout, Duration maxWait, Clock clock) {
        this(maxFailures, lockout, maxWait, clock, null);
    }

    /** {@code shared} null: counting in memory. */
    LoginThrottle(int maxFailures, Duration lockout, Duration maxWait, Clock clock, SharedCounters shared) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.maxWait = maxWait;
        this.clock = clock;
        this.shared = shared;
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
    public void reserve(String accountKey, String address) {
        if (shared != null) {
            reserveShared(accountKey(accountKey), addressKey(address));
        } else {
            reserveInMemory(accountKey, address);
        }
    }

    private synchronized void reserveInMemory(String accountKey, String address) {
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
    public void succeeded(String accountKey, String address) {
        if (shared != null) {
            String account = accountKey(accountKey);
            String at = addressKey(address);
            shared.locked(Arrays.asList(account, at), clock.instant(), tally -> {
                tally.removeOwn(account, PENDING);
                tally.removeAll(account, FAILURE);
                tally.removeOwn(at, PENDING);
                return null;
            });
            attemptEnded();
        } else {
            succeededInMemory(accountKey, address);
        }
    }

    private synchronized void succeededInMemory(String accountKey, String address) {
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
    public void failed(String accountKey, String address) {
        if (shared != null) {
            String account = accountKey(accountKey);
            String at = addressKey(address);
            shared.locked(Arrays.asList(account, at), clock.instant(), tally -> {
                fail(tally, account);
                fail(tally, at);
                return null;
            });
            attemptEnded();
        } else {
            failedInMemory(accountKey, address);
        }
    }

    private synchronized void failedInMemory(String accountKey, String address) {
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

    /** Forget everything, e.g. between tests (on a shared database: every instance's counts). */
    public void reset() {
        if (shared != null) {
            shared.forget(ACCOUNT_SCOPE);
            shared.forget(ADDRESS_SCOPE);
            attemptEnded();
        }
        resetInMemory();
    }

    private synchronized void resetInMemory() {
        byAccount.clear();
        byAddress.clear();
        notifyAll();
    }

    /**
     * {@link #reserve} on the shared database: each round checks and, when there is room, reserves in one short
     * transaction with both keys locked; between rounds no lock is held.
     */
    private void reserveShared(String account, String at) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen;
            synchronized (ended) {
                seen = endedCount;
            }
            long decision = shared.locked(Arrays.asList(account, at), clock.instant(), tally -> {
                long locked = Math.max(lockedFor(tally, account, maxFailures), lockedFor(tally, at, addressLimit()));
                if (locked > 0) {
                    return locked;
                }
                if (free(tally, account, maxFailures) && free(tally, at, addressLimit())) {
                    Instant lease = tally.now().plus(PENDING_LEASE);
                    tally.add(account, PENDING, lease);
                    tally.add(at, PENDING, lease);
                    return 0L;
                }
                return -1L;
            });
            if (decision > 0) {
                throw throttled(decision);
            }
            if (decision == 0) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw throttled(Math.max(1, maxWait.toSeconds()));
            }
            try {
                synchronized (ended) {
                    if (endedCount == seen) {
                        TimeUnit.NANOSECONDS.timedWait(ended, Math.min(left, POLL.toNanos()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw throttled(Math.max(1, maxWait.toSeconds()));
            }
        }
    }

    /** Seconds until {@code key}'s failures expire when they have reached {@code limit}, else 0. */
    private static long lockedFor(SharedCounters.Tally tally, String key, int limit) {
        if (tally.count(key, FAILURE) < limit) {
            return 0;
        }
        return tally.soonestExpiry(key, FAILURE).map(end -> SharedCounters.secondsUntil(tally.now(), end)).orElse(0L);
    }

    private static boolean free(SharedCounters.Tally tally, String key, int limit) {
        return key == null || tally.count(key, FAILURE) + tally.count(key, PENDING) < limit;
    }

    /** One pending attempt of {@code key} becomes a failure, in the window of its failures or in a new one. */
    private void fail(SharedCounters.Tally tally, String key) {
        if (key == null) {
            return;
        }
        tally.removeOwn(key, PENDING);
        Instant end = tally.soonestExpiry(key, FAILURE).orElse(tally.now().plus(lockout));
        tally.add(key, FAILURE, end);
    }

    private void attemptEnded() {
        synchronized (ended) {
            endedCount++;
            ended.notifyAll();
        }
    }

    private static String accountKey(String accountKey) {
        return accountKey == null ? null : ACCOUNT_SCOPE + ":" + accountKey;
    }

    private static String addressKey(String address) {
        return address == null ? null : ADDRESS_SCOPE + ":" + address;
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
