package org.thesenforum.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who is connected to a discussion on all instances together: each instance publishes its own connections, grouped
 * by topic page and account, into {@code cluster_presence} when they change, and reads the sum over the instances that
 * are running ({@link Instances}). Only used when {@link Cluster#shared()}.
 */
@ApplicationScoped
public class SharedPresence {

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
        try (Connection c = dataSource.get().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM cluster_presence WHERE instance_id = ? AND discussion_id = ?")) {
                    delete.setString(1, cluster.instanceId());
                    delete.setLong(2, discussionId);
                    delete.executeUpdate();
                }
                if (!rows.isEmpty()) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_presence (instance_id, "
                            + "discussion_id, topic_id, account_id, connections) VALUES (?, ?, ?, ?, ?)")) {
                        for (Row r : rows) {
                            insert.setString(1, cluster.instanceId());
                            insert.setLong(2, discussionId);
                            insert.setLong(3, r.topicId());
                            insert.setLong(4, r.accountId());
                            insert.setInt(5, r.connections());
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
            throw new IllegalStateException("Cannot publish presence: " + e.getMessage(), e);
        }
    }

    /** The connections of every running instance to the discussion, summed per topic page and account. */
    public List<Row> sum(long discussionId) {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT p.topic_id, p.account_id, SUM(p.connections) "
                        + "FROM cluster_presence p JOIN cluster_instances i ON i.id = p.instance_id "
                        + "WHERE p.discussion_id = ? AND i.seen_at >= now() - ? * interval '1 millisecond' "
                        + "GROUP BY p.topic_id, p.account_id")) {
            st.setLong(1, discussionId);
            st.setLong(2, cluster.settings().instanceTimeout().toMillis());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read presence: " + e.getMessage(), e);
        }
    }
}
