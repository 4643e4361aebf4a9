package org.thesenforum.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.cluster.ClusterJobs;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.SessionEnded;

/**
 * Device sessions: one per login, found by the token in the cookie, ended one at a time (logout) or all at once
 * (sign-out everywhere, role change, disabling). Ending fires {@link SessionEnded} so open sockets close too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeviceSessions {

    /** Last-seen times are written at most this often per session, not on every request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_DEVICE = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ForumConfig config;
    private final Event<SessionEnded> ended;
    private final ClusterJobs jobs;

    DeviceSessions(ForumConfig config, Event<SessionEnded> ended, ClusterJobs jobs) {
        this.jobs = jobs;
        this.config = config;
        this.ended = ended;
    }

    /** A session that is still valid, with its account loaded. */
    public record Active(long id, Account account, Instant expiresAt) {
    }

    /** A new session and the secret token its cookie carries. */
    public record Started(long id, String token, Instant expiresAt) {
    }

    @Transactional
    public Started start(Account account, String userAgent) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = now();
        DeviceSession s = new DeviceSession();
        s.account = account;
        s.tokenHash = hash(token);
        s.device = deviceOf(userAgent);
        s.createdAt = now;
        s.lastSeenAt = now;
        s.expiresAt = now.plus(config.session().maxAge());
        s.persist();
        return new Started(s.id, token, s.expiresAt);
    }

    /** The session of a cookie token while it lasts and its account is enabled; notes the device's last use. */
    @ActivateRequestContext
    public Optional<Active> find(String token) {
        Instant now = now();
        Optional<DeviceSession> found = DeviceSession.findByTokenHash(hash(token));
        if (found.isEmpty() || !found.get().expiresAt.isAfter(now) || !found.get().account.enabled) {
            return Optional.empty();
        }
        DeviceSession s = found.get();
        if (s.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
            QuarkusTransaction.requiringNew().run(() -> DeviceSession.update("lastSeenAt = ?1 where id = ?2", now, s.id));
        }
        return Optional.of(new Active(s.id, s.account, s.expiresAt));
    }

    /** Ends one device's session; a copy of its cookie is refused from now on. */
    @Transactional
    public void end(long sessionId) {
        DeviceSession s = DeviceSession.findById(sessionId);
        if (s != null) {
            long accountId = s.account.id;
            s.delete();
            ended.fire(new SessionEnded(accountId, sessionId));
        }
    }

    /** Ends every session of the account, on every device, and closes its live connections. */
    @Transactional
    public void endAll(long accountId) {
        DeviceSession.deleteAllOf(accountId);
        ended.fire(new SessionEnded(accountId, null));
    }

    /**
     * Ends every session of the account except {@code keep} (this device, after a password change); each ended one
     * closes its live connections. With {@code keep} null, the same as {@link #endAll}.
     */
    @Transactional
    public void endAllExcept(long accountId, Long keep) {
        if (keep == null) {
            endAll(accountId);
            return;
        }
        for (DeviceSession s : DeviceSession.listOf(accountId)) {
            if (!s.id.equals(keep)) {
                s.delete();
                ended.fire(new SessionEnded(accountId, s.id));
            }
        }
    }

    /** The account's sessions, the most recently used first. */
    public java.util.List<DeviceSession> listOf(long accountId) {
        return DeviceSession.listOf(accountId);
    }

    public long countOf(long accountId) {
        return DeviceSession.countOf(accountId);
    }

    /** Hourly, on one instance of the forum. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        jobs.runOnce("device-sessions-prune", java.time.Duration.ofHours(1), this::pruneExpired);
    }

    /** Removes sessions past their lifetime; their cookies have expired too. */
    @Transactional
    void pruneExpired() {
        DeviceSession.delete("expiresAt < ?1", now());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The User-Agent without control characters, cut to the column's size. */
    static String deviceOf(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String clean = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > MAX_DEVICE ? clean.substring(0, MAX_DEVICE) : clean;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
