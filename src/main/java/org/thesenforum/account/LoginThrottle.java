package org.thesenforum.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Limits failed logins per account and per address: after too many failures within the lockout window,
 * further attempts are refused with 429 until the window has passed.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    @Inject
    LoginThrottle(ForumConfig config) {
        this(config.login().maxFailures(), config.login().lockout(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant firstAt) {
    }

    /**
     * Reserves one attempt for the account and the address before the password is checked, counting it as a
     * failure until {@link #succeeded} gives it back; throws 429 with Retry-After when either is used up. Reserving
     * and checking happen under one lock, so parallel guesses cannot all pass the check before any is counted.
     */
    public synchronized void reserve(String accountKey, String address) {
        Instant now = clock.instant();
        long wait = Math.max(secondsLocked(byAccount, accountKey, now), secondsLocked(byAddress, address, now));
        if (wait > 0) {
            long minutes = Math.max(1, wait / 60);
            throw ProblemException.tooManyRequests(
                    Text.of(AccountMessages.class, m -> m.problem_login_throttled(minutes)), wait);
        }
        bump(byAccount, accountKey, now);
        // An address is shared by a whole venue network, so it may fail more often than one account.
        bump(byAddress, address, now);
    }

    /** The reserved attempt was right: the account starts afresh and the address gets its attempt back. */
    public synchronized void succeeded(String accountKey, String address) {
        if (accountKey != null) {
            byAccount.remove(accountKey);
        }
        if (address != null) {
            byAddress.computeIfPresent(address, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.firstAt()));
        }
    }

    /** Forgets failures whose window has passed, so failed guesses for unknown e-mails do not pile up. */
    @io.quarkus.scheduler.Scheduled(every = "5m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    synchronized void evictExpired() {
        Instant now = clock.instant();
        byAccount.values().removeIf(f -> !now.isBefore(f.firstAt().plus(lockout)));
        byAddress.values().removeIf(f -> !now.isBefore(f.firstAt().plus(lockout)));
    }

    /** Number of accounts and addresses with recorded failures. */
    int tracked() {
        return byAccount.size() + byAddress.size();
    }

    /** Forget everything, e.g. between tests. */
    public synchronized void reset() {
        byAccount.clear();
        byAddress.clear();
    }

    private long secondsLocked(Map<String, Failures> map, String key, Instant now) {
        Failures failures = key == null ? null : map.get(key);
        if (failures == null) {
            return 0;
        }
        Instant until = failures.firstAt().plus(lockout);
        if (!now.isBefore(until)) {
            map.remove(key, failures);
            return 0;
        }
        int limit = map == byAddress ? maxFailures * 4 : maxFailures;
        return failures.count() >= limit ? Duration.between(now, until).toSeconds() + 1 : 0;
    }

    private void bump(Map<String, Failures> map, String key, Instant now) {
        if (key == null) {
            return;
        }
        map.compute(key, (k, old) -> old == null || !now.isBefore(old.firstAt().plus(lockout))
                ? new Failures(1, now) : new Failures(old.count() + 1, old.firstAt()));
    }
}
