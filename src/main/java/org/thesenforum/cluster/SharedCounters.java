package org.thesenforum.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters that every instance on the shared PostgreSQL database sees: the rate limits and the login throttle keep
 * theirs here when {@link Cluster#shared()}, and in memory otherwise (H2, one instance). Nothing here is used on H2.
 * <p>
 * A counter is named by a key, {@code scope:subject} ({@code "comment:42"}, {@code "login-address:192.0.2.1"}), and
 * holds entries of some kinds ({@link #SLOT} for budgets; the login throttle has its own), one row of table
 * {@code shared_limits} each, that count until they expire. The table keeps the scope in clear and only the SHA-256
 * of the whole key, so it holds no e-mail or client address and a key of any length fits.
 * <p>
 * Whoever reads and changes a key's counters holds the key's lock first: a PostgreSQL advisory lock of the
 * transaction ({@code pg_advisory_xact_lock}) on 64 bits of that hash, which no other transaction on any instance can
 * take until this one ends. So checking a budget and taking a slot is one step for all instances together, and a
 * parallel request on another instance waits (milliseconds) and then sees the committed slot. Several keys are
 * locked in ascending order of their lock numbers, so two transactions never wait for each other.
 * <p>
 * Two ways to run: {@link #take} and {@link #locked} in a short transaction of their own (REQUIRES_NEW), so what is
 * counted stays counted whatever becomes of the caller's transaction: failed logins, reset mails, registrations.
 * {@link #takeWithin} in the caller's transaction, so a slot is stored together with the caller's change and rolls
 * back with it: the comment budgets, which must not charge a change that was not stored. Its lock is held until the
 * caller's transaction ends, so it must be taken before the caller's first row lock (see {@link #lockWithin}).
 * <p>
 * Times come from the callers' clocks (truncated to microseconds, as PostgreSQL stores them); instances must agree on
 * the time, as they must for sessions anyway.
 */
@ApplicationScoped
public class SharedCounters {

    /** The kind of entry a budget counts: one action within its window. */
    public static final String SLOT = "slot";

    /** Rows this long past their expiry are deleted, so clocks a little apart never lose a live entry. */
    static final Duration CLEANUP_GRACE = Duration.ofMinutes(1);

    /** The advisory lock of the cleanup: one instance cleans at a time, the others skip that round. */
    private static final long CLEANUP_LOCK = 0x7468_6573_656e_4c31L;

    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]{0,38}");

    private final Cluster cluster;
    private final AgroalDataSource dataSource;

    SharedCounters(Cluster cluster, AgroalDataSource dataSource) {
        this.cluster = cluster;
        this.dataSource = dataSource;
    }

    /** At most {@code limit} slots under {@code key} within a sliding {@code window}. */
    public record Budget(String key, int limit, Duration window) {
        public Budget {
            Objects.requireNonNull(key);
            Objects.requireNonNull(window);
        }
    }

    /** What {@link #take} decided: {@code retryAfter} 0 when the slots were taken, else the seconds until one frees. */
    public record Taken(long retryAfter) {
        static final Taken GRANTED = new Taken(0);

        public boolean granted() {
            return retryAfter == 0;
        }
    }

    /**
     * Takes one slot of every budget, or none when any of them is spent; in a transaction of its own, committed
     * before this returns. Refused, {@link Taken#retryAfter()} is the number of seconds until the soonest slot of
     * the spent budget (of the latest, when several are) leaves its window, at least 1.
     */
    public Taken take(Instant now, Budget... budgets) {
        return QuarkusTransaction.requiringNew().call(() -> withConnection(c -> takeLocked(c, now, budgets)));
    }

    /**
     * As {@link #take}, but in the caller's transaction, which must be active: the slots are stored with the caller's
     * changes and vanish if it rolls back. The budgets' keys stay locked until it ends.
     */
    public Taken takeWithin(Instant now, Budget... budgets) {
        requireTransaction();
        return withConnection(c -> takeLocked(c, now, budgets));
    }

    /**
     * Locks {@code keys} in the caller's transaction, which must be active, until it ends: for a caller that will
     * {@link #takeWithin} later and must take this lock before a row lock, to keep one lock order.
     */
    public void lockWithin(String... keys) {
        requireTransaction();
        withConnection(c -> {
            lock(c, List.of(keys), null);
            return null;
        });
    }

    /**
     * Runs {@code work} on the counters of {@code keys}, locked against every other transaction, in a transaction of
     * its own that commits when {@code work} returns. Null keys are left out.
     */
    public <T> T locked(Collection<String> keys, Instant now, Function<Tally, T> work) {
        return QuarkusTransaction.requiringNew().call(() -> withConnection(c -> work.apply(lock(c, keys, now))));
    }

    /** Deletes every entry of the keys in {@code scope}, e.g. between tests; in a transaction of its own. */
    public void forget(String scope) {
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("not a scope: " + scope);
        }
        QuarkusTransaction.requiringNew().run(() -> withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM shared_limits WHERE limit_key LIKE ?")) {
                delete.setString(1, scope + ":%");
                return delete.executeUpdate();
            }
        }));
    }

    /** Deletes entries that expired, every ten minutes, on the shared database only. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        if (!cluster.shared()) {
            return;
        }
        try {
            int removed = removeExpired(Instant.now().minus(CLEANUP_GRACE));
            if (removed > 0) {
                Log.debugf("Shared limits: deleted %d expired entries", removed);
            }
        } catch (RuntimeException e) {
            Log.warnf("Shared limits: cannot delete expired entries now (%s)", e.toString());
        }
    }

    /**
     * Deletes the entries that expired before {@code before}, or nothing when another instance is doing it at this
     * moment (it holds the cleanup's advisory lock): two instances running the job at once is harmless.
     */
    int removeExpired(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> withConnection(c -> {
            try (PreparedStatement claim = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                claim.setLong(1, CLEANUP_LOCK);
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM shared_limits WHERE expires_at < ?")) {
                delete.setObject(1, timestamp(before));
                return delete.executeUpdate();
            }
        }));
    }

    private Taken takeLocked(Connection c, Instant now, Budget... budgets) {
        List<String> keys = new ArrayList<>();
        for (Budget b : budgets) {
            keys.add(b.key());
        }
        Tally tally = lock(c, keys, now);
        long wait = 0;
        for (Budget b : budgets) {
            if (tally.count(b.key(), SLOT) >= b.limit()) {
                Instant free = tally.soonestExpiry(b.key(), SLOT).orElse(tally.now().plus(b.window()));
                wait = Math.max(wait, secondsUntil(tally.now(), free));
            }
        }
        if (wait > 0) {
            return new Taken(wait);
        }
        for (Budget b : budgets) {
            tally.add(b.key(), SLOT, tally.now().plus(b.window()));
        }
        return Taken.GRANTED;
    }

    /** Seconds from {@code now} until {@code then}, counted as {@code Retry-After}: whole seconds plus one, at least 1. */
    public static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, Duration.between(now, then).toSeconds() + 1);
    }

    private Tally lock(Connection c, Collection<String> keys, Instant now) {
        Map<String, StoredKey> stored = new LinkedHashMap<>();
        TreeSet<Long> locks = new TreeSet<>();
        for (String key : keys) {
            if (key != null) {
                StoredKey s = StoredKey.of(key);
                stored.put(key, s);
                locks.add(s.lock());
            }
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            for (long id : locks) {
                lock.setLong(1, id);
                lock.execute();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return new Tally(c, stored, now == null ? null : now.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The counters of the keys locked for one transaction. Counts are of live entries (expiring after
     * {@link #now()}), read once and again after each change.
     */
    public final class Tally {

        private final Connection connection;
        private final Map<String, StoredKey> keys;
        private final Instant now;
        private Map<String, Live> live;

        private Tally(Connection connection, Map<String, StoredKey> keys, Instant now) {
            this.connection = connection;
            this.keys = keys;
            this.now = now;
        }

        /** The caller's time, truncated to microseconds: what the entries are counted against. */
        public Instant now() {
            return now;
        }

        /** Live entries of {@code kind} under {@code key}; 0 for a null key. */
        public int count(String key, String kind) {
            Live l = key == null ? null : snapshot().get(stored(key) + '\n' + kind);
            return l == null ? 0 : l.count();
        }

        /** When the first live entry of {@code kind} under {@code key} expires; empty when there is none. */
        public Optional<Instant> soonestExpiry(String key, String kind) {
            Live l = key == null ? null : snapshot().get(stored(key) + '\n' + kind);
            return l == null ? Optional.empty() : Optional.of(l.soonest());
        }

        /** Adds an entry of {@code kind} under {@code key}, counted from now until {@code expiresAt}. */
        public void add(String key, String kind, Instant expiresAt) {
            if (key == null) {
                return;
            }
            update("INSERT INTO shared_limits (limit_key, kind, counted_at, expires_at, instance_id) "
                    + "VALUES (?, ?, ?, ?, ?)", stored(key), kind, timestamp(now), timestamp(expiresAt),
                    cluster.instanceId());
        }

        /**
         * Removes the oldest live entry of {@code kind} under {@code key} that this instance added; false when there
         * is none (it expired, or was forgotten).
         */
        public boolean removeOwn(String key, String kind) {
            return key != null && update("DELETE FROM shared_limits WHERE id = (SELECT id FROM shared_limits "
                    + "WHERE limit_key = ? AND kind = ? AND instance_id = ? AND expires_at > ? "
                    + "ORDER BY counted_at, id LIMIT 1)", stored(key), kind, cluster.instanceId(), timestamp(now)) > 0;
        }

        /** Removes every live entry of {@code kind} under {@code key}. */
        public int removeAll(String key, String kind) {
            return key == null ? 0
                    : update("DELETE FROM shared_limits WHERE limit_key = ? AND kind = ? AND expires_at > ?",
                            stored(key), kind, timestamp(now));
        }

        private String stored(String key) {
            StoredKey s = keys.get(key);
            if (s == null) {
                throw new IllegalArgumentException("key not locked: " + key);
            }
            return s.text();
        }

        private int update(String sql, Object... values) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                int changed = statement.executeUpdate();
                live = null;
                return changed;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        private Map<String, Live> snapshot() {
            if (live != null) {
                return live;
            }
            Map<String, Live> read = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT limit_key, kind, count(*), "
                    + "min(expires_at) FROM shared_limits WHERE limit_key = ANY (?) AND expires_at > ? "
                    + "GROUP BY limit_key, kind")) {
                Array names = connection.createArrayOf("varchar",
                        keys.values().stream().map(StoredKey::text).distinct().toArray());
                query.setArray(1, names);
                query.setObject(2, timestamp(now));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        read.put(rs.getString(1) + '\n' + rs.getString(2),
                                new Live(rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            live = read;
            return read;
        }
    }

    private record Live(int count, Instant soonest) {
    }

    /** A key as stored, its scope and the hex SHA-256 of the whole key, and the number of its advisory lock. */
    record StoredKey(String text, long lock) {
        static StoredKey of(String key) {
            int colon = key.indexOf(':');
            String scope = colon < 0 ? "" : key.substring(0, colon);
            if (!SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("a key is scope:subject, the scope in a-z, 0-9 and '-': " + key);
            }
            byte[] hash = sha256(key);
            long lock = 0;
            for (int i = 0; i < 8; i++) {
                lock = (lock << 8) | (hash[i] & 0xff);
            }
            return new StoredKey(scope + ':' + HexFormat.of().formatHex(hash), lock);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void requireTransaction() {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("takeWithin and lockWithin need the caller's transaction");
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on this transaction's connection (the one the caller's entity manager uses too). */
    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Shared limits: " + e.getMessage(), e);
    }
}
