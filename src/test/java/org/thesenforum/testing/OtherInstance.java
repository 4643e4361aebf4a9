package org.thesenforum.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Does on the shared PostgreSQL database what another instance of the forum would: appends to a discussion's journal
 * in a transaction of its own (no event of this instance hears of it), and rings the doorbell, or not.
 */
public final class OtherInstance {

    /** The other instance's name in its rings: never this instance's (12 hex digits, random). */
    public static final String ID = "0th3r1nst4nc";

    private final DataSource dataSource;

    public OtherInstance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long discussionId(String slug) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT id FROM discussions WHERE slug = ?")) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends an entry of {@code type} with {@code data} as its JSON, as Journal.append does; returns its seq. */
    public long append(long discussionId, String type, String data) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE discussions SET last_event_seq = last_event_seq + 1 WHERE id = ? RETURNING last_event_seq")) {
                st.setLong(1, discussionId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO journal_entries (id, discussion_id, seq, type, "
                    + "data, created_at) VALUES (nextval('journal_entries_seq'), ?, ?, ?, ?, now())")) {
                st.setLong(1, discussionId);
                st.setLong(2, seq);
                st.setString(3, type);
                st.setString(4, data);
                st.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            return seq;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rings the doorbell as the other instance: {@code lines} such as {@code "journal 1 42"}. */
    public void ring(String... lines) {
        execute("SELECT pg_notify('thesenforum', ?)", ID + "\n" + String.join("\n", lines));
    }

    /** Runs one statement with string parameters. */
    public int execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            if (st.execute()) {
                return 0;
            }
            return st.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query returns. */
    public long number(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
