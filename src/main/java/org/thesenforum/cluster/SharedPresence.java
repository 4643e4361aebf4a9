package org.thesenforum.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who is connected to a discussion on all instances together: each instance publishes its own connections, grouped
 * by topic page and account, into {@code cluster_presence} when they change, and reads the sum over the instances that
 * are running ({@link Instances}). Likewise how far those connections have applied the discussion's log
 * ({@code cluster_acknowledged}), for a meeting's reach. Only used when {@link Cluster#shared()}.
 */
@ApplicationScoped
public class SharedPresence {

    /** The acknowledged seq of connections that have acknowledged nothing yet. */
    public static final long NOTHING_ACKNOWLEDGED = -1;

    /** Connections on one topic page (0: none) of one account (0: not signed in). */
    public record Row(long topicId, long accountId, int connections) {
    }

    private final Cluster cluster;
    private final Instance<DataSource> dataSource;

    SharedPresence(Cluster cluster, Instance<DataSource> dataSource) {
        this.cluster = cluster;
        this.dataSource = dataSource;
    }

    /** Replaces this instance's rows for the discussion with {@code rows}, in one transaction. */
    public void publish(long discussionId, Collection<Row> rows) {
        replaceOwnRows("cluster_presence", "topic_id, account_id, connections", discussionId,
                rows.stream().map(r -> new Object[] { r.topicId(), r.accountId(), r.connections() }).toList());
    }

    /** The connections of every running instance to the discussion, summed per topic page and account. */
    public List<Row> sum(long discussionId) {
        List<Row> rows = new ArrayList<>();
        read("SELECT p.topic_id, p.account_id, SUM(p.connections) FROM cluster_presence p "
                + "JOIN cluster_instances i ON i.id = p.instance_id WHERE p.discussion_id = ? "
                + "AND i.seen_at >= now() - ? * interval '1 millisecond' GROUP BY p.topic_id, p.account_id",
                List.of(discussionId, cluster.settings().instanceTimeout().toMillis()),
                rs -> rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3))));
        return rows;
    }

    /**
     * Replaces this instance's counts of how far its connections to the discussion have applied its log: acknowledged
     * seq ({@link #NOTHING_ACKNOWLEDGED} for none yet) to the number of connections there.
     */
    public void publishAcknowledged(long discussionId, Map<Long, Integer> connectionsBySeq) {
        replaceOwnRows("cluster_acknowledged", "acknowledged_seq, connections", discussionId, connectionsBySeq
                .entrySet().stream().map(e -> new Object[] { e.getKey(), e.getValue() }).toList());
    }

    /**
     * How far the connections of the other running instances have applied the discussion's log, as they last
     * published it: acknowledged seq ({@link #NOTHING_ACKNOWLEDGED} for none yet) to the number of connections.
     */
    public Map<Long, Integer> acknowledgedElsewhere(long discussionId) {
        Map<Long, Integer> counts = new TreeMap<>();
        read("SELECT a.acknowledged_seq, SUM(a.connections) FROM cluster_acknowledged a "
                + "JOIN cluster_instances i ON i.id = a.instance_id WHERE a.discussion_id = ? AND a.instance_id <> ? "
                + "AND i.seen_at >= now() - ? * interval '1 millisecond' GROUP BY a.acknowledged_seq",
                List.of(discussionId, cluster.instanceId(), cluster.settings().instanceTimeout().toMillis()),
                rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        return counts;
    }

    /** One row of a result. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query with {@code parameters} and hands each row to {@code reader}. */
    private void read(String sql, List<Object> parameters, RowReader reader) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the other instances' connections: " + e.getMessage(), e);
        }
    }

    /** Replaces this instance's rows of a discussion in {@code table} with {@code values}, in one transaction. */
    private void replaceOwnRows(String table, String valueColumns, long discussionId, List<Object[]> values) {
        try (Connection c = dataSource.get().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE instance_id = ? AND discussion_id = ?")) {
                    delete.setString(1, cluster.instanceId());
                    delete.setLong(2, discussionId);
                    delete.executeUpdate();
                }
                if (!values.isEmpty()) {
                    String marks = ", ?".repeat(values.get(0).length);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (instance_id, "
                            + "discussion_id, " + valueColumns + ") VALUES (?, ?" + marks + ")")) {
                        for (Object[] row : values) {
                            insert.setString(1, cluster.instanceId());
                            insert.setLong(2, discussionId);
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(3 + i, row[i]);
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish to " + table + ": " + e.getMessage(), e);
        }
    }
}
