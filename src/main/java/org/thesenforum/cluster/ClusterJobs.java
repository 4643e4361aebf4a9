package org.thesenforum.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Runs a scheduled job once per forum rather than once per instance. On a shared database the job takes a PostgreSQL
 * advisory lock named after it (held by a connection for the job's run, so it is released if the instance dies), and
 * runs only if no instance ran it within the last {@code every}, which {@code cluster_jobs} remembers. Instances whose
 * timers fire at other moments so take turns instead of all running the job each period. On a database of its own the
 * job simply runs.
 */
@ApplicationScoped
public class ClusterJobs {

    /** A run counts for the period if it started at most this much earlier than a full period ago (timer jitter). */
    private static final double SLACK = 0.9;

    private final Cluster cluster;
    private final Instance<DataSource> dataSource;

    ClusterJobs(Cluster cluster, Instance<DataSource> dataSource) {
        this.cluster = cluster;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code job} unless another instance runs it now or ran it within {@code every}; returns whether it ran here.
     * The job runs its own transactions.
     */
    public boolean runOnce(String name, Duration every, Runnable job) {
        if (!cluster.shared()) {
            job.run();
            return true;
        }
        long key = lockKey(name);
        try (Connection c = dataSource.get().getConnection()) {
            if (!query(c, "SELECT pg_try_advisory_lock(?)", key)) {
                Log.debugf("Job %s runs on another instance", name);
                return false;
            }
            try {
                if (ranWithin(c, name, (long) (every.toMillis() * SLACK))) {
                    Log.debugf("Job %s ran on another instance within %s", name, every);
                    return false;
                }
                try (PreparedStatement st = c.prepareStatement("INSERT INTO cluster_jobs (name, last_run_at) "
                        + "VALUES (?, now()) ON CONFLICT (name) DO UPDATE SET last_run_at = now()")) {
                    st.setString(1, name);
                    st.executeUpdate();
                }
                job.run();
                return true;
            } finally {
                query(c, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            Log.warnf("Job %s not run: cannot reach the database (%s)", name, e.getMessage());
            return false;
        }
    }

    /** A stable 64-bit key per job name, in a range of its own (the upper half word spells the forum's). */
    static long lockKey(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (0x7466L << 32) | crc.getValue();
    }

    private static boolean ranWithin(Connection c, String name, long millis) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM cluster_jobs WHERE name = ? AND "
                + "last_run_at > now() - ? * interval '1 millisecond'")) {
            st.setString(1, name);
            st.setLong(2, millis);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean query(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
