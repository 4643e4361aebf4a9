package org.thesenforum.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.thesenforum.web.SharedKey;

/**
 * The instances running on one database, each a row of {@code cluster_instances} that it refreshes every
 * {@code forum.cluster.heartbeat}. An instance not seen for {@code forum.cluster.instance-timeout} counts as gone
 * (killed, or cut off): the next heartbeat of any instance removes it and the connections it counted
 * ({@link SharedPresence}), and every instance is told that the set changed ({@link Changed}).
 *
 * <p>At start an instance compares the fingerprints of its shared keys ({@link SharedKey}) with those of the
 * instances running: a key that differs where either side generated its own (no {@code FORUM_SESSION_KEY}, say)
 * means sessions and forms of one instance would fail on the other, so the start is refused with a message that names
 * the setting. Two instances given different keys on purpose (a key being changed) only get a warning.
 */
@ApplicationScoped
public class Instances {

    /** The set of running instances changed: an instance joined, or one is gone. */
    public record Changed() {
    }

    private final Cluster cluster;
    private final Instance<DataSource> dataSource;
    private final Instance<SharedKey> keys;
    private final Event<Changed> changed;
    private volatile boolean registered;
    /** This instance's key fingerprints and generated keys, as registered (again after being taken for gone). */
    private volatile String registeredFingerprints = "";
    private volatile String registeredGenerated = "";
    private volatile Set<String> known = Set.of();

    Instances(Cluster cluster, Instance<DataSource> dataSource, Instance<SharedKey> keys, Event<Changed> changed) {
        this.cluster = cluster;
        this.dataSource = dataSource;
        this.keys = keys;
        this.changed = changed;
    }

    /** Before anything is shared: presence and the doorbell need this instance's row. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 150) StartupEvent event) throws SQLException {
        if (!cluster.shared()) {
            return;
        }
        Map<String, String> fingerprints = new TreeMap<>();
        Set<String> generated = new TreeSet<>();
        for (SharedKey key : keys) {
            fingerprints.put(key.setting(), key.fingerprint());
            if (key.generated()) {
                generated.add(key.setting());
            }
        }
        String mine = encode(fingerprints);
        registeredFingerprints = mine;
        registeredGenerated = String.join(",", generated);
        try (Connection c = dataSource.get().getConnection()) {
            removeGone(c);
            try (PreparedStatement others = c.prepareStatement(
                    "SELECT id, key_fingerprints, generated_keys FROM cluster_instances WHERE id <> ?")) {
                others.setString(1, cluster.instanceId());
                try (ResultSet rs = others.executeQuery()) {
                    while (rs.next()) {
                        List<String> differing = differing(fingerprints, decode(rs.getString(2)));
                        if (differing.isEmpty()) {
                            continue;
                        }
                        Set<String> theirGenerated = Set.of(rs.getString(3).split(","));
                        List<String> refused = differing.stream()
                                .filter(s -> generated.contains(s) || theirGenerated.contains(s)).toList();
                        if (!refused.isEmpty()) {
                            throw new IllegalStateException("Another instance of this forum (" + rs.getString(1)
                                    + ") runs on the same database with other keys: " + String.join(", ", refused)
                                    + ". Give every instance the same keys (FORUM_SESSION_KEY, FORUM_CSRF_KEY, "
                                    + "FORUM_NOTIFICATIONS_KEY; README.md, \"Several instances\"): a key generated "
                                    + "into one instance's data folder is unknown to the others.");
                        }
                        Log.warnf("Another instance of this forum (%s) uses other keys: %s. Sessions and forms of one "
                                + "are refused by the other until all use the same.", rs.getString(1), differing);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_instances (id, started_at, "
                    + "seen_at, key_fingerprints, generated_keys) VALUES (?, now(), now(), ?, ?)")) {
                insert.setString(1, cluster.instanceId());
                insert.setString(2, mine);
                insert.setString(3, String.join(",", generated));
                insert.executeUpdate();
            }
            known = running(c);
        }
        registered = true;
        Log.infof("Instance %s joined; instances on this database: %d", cluster.instanceId(), known.size());
    }

    /** Removes this instance's rows, so that the others stop counting it at once rather than after the timeout. */
    void stop(@Observes ShutdownEvent event) {
        if (!registered) {
            return;
        }
        registered = false;
        try (Connection c = dataSource.get().getConnection()) {
            for (String sql : List.of("DELETE FROM cluster_presence WHERE instance_id = ?",
                    "DELETE FROM cluster_acknowledged WHERE instance_id = ?",
                    "DELETE FROM cluster_instances WHERE id = ?")) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setString(1, cluster.instanceId());
                    st.executeUpdate();
                }
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Instance %s: could not remove its rows (%s); the others drop them after the timeout",
                    cluster.instanceId(), e.getMessage());
        }
    }

    @Scheduled(every = "${forum.cluster.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!registered) {
            return;
        }
        try (Connection c = dataSource.get().getConnection()) {
            boolean lost;
            try (PreparedStatement st = c.prepareStatement("UPDATE cluster_instances SET seen_at = now() WHERE id = ?")) {
                st.setString(1, cluster.instanceId());
                lost = st.executeUpdate() == 0;
            }
            if (lost) {
                // Taken for gone (a long pause): back in, and presence is published again.
                try (PreparedStatement st = c.prepareStatement("INSERT INTO cluster_instances (id, started_at, "
                        + "seen_at, key_fingerprints, generated_keys) VALUES (?, now(), now(), ?, ?)")) {
                    st.setString(1, cluster.instanceId());
                    st.setString(2, registeredFingerprints);
                    st.setString(3, registeredGenerated);
                    st.executeUpdate();
                }
                Log.warnf("Instance %s had been taken for gone; it is back", cluster.instanceId());
            }
            removeGone(c);
            Set<String> now = running(c);
            if (lost || !now.equals(known)) {
                known = now;
                changed.fire(new Changed());
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Instance %s: heartbeat failed (%s)", cluster.instanceId(), e.getMessage());
        }
    }

    /** The instances running now, as of the last heartbeat (this one included; empty on a database of its own). */
    public Set<String> running() {
        return known;
    }

    private void removeGone(Connection c) throws SQLException {
        long timeout = cluster.settings().instanceTimeout().toMillis();
        for (String sql : List.of("DELETE FROM cluster_presence WHERE instance_id IN (SELECT id FROM "
                + "cluster_instances WHERE seen_at < now() - ? * interval '1 millisecond')",
                "DELETE FROM cluster_acknowledged WHERE instance_id IN (SELECT id FROM "
                + "cluster_instances WHERE seen_at < now() - ? * interval '1 millisecond')",
                "DELETE FROM cluster_instances WHERE seen_at < now() - ? * interval '1 millisecond'")) {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, timeout);
                st.executeUpdate();
            }
        }
    }

    private static Set<String> running(Connection c) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM cluster_instances");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return Set.copyOf(ids);
    }

    /** The settings whose fingerprints differ between two instances (a setting one of them lacks counts too). */
    static List<String> differing(Map<String, String> mine, Map<String, String> theirs) {
        List<String> differing = new ArrayList<>();
        Set<String> settings = new TreeSet<>(mine.keySet());
        settings.addAll(theirs.keySet());
        for (String s : settings) {
            if (theirs.containsKey(s) && mine.containsKey(s) && !theirs.get(s).equals(mine.get(s))) {
                differing.add(s);
            }
        }
        return differing;
    }

    static String encode(Map<String, String> fingerprints) {
        return fingerprints.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<String, String> decode(String text) {
        Map<String, String> map = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return map;
    }
}
