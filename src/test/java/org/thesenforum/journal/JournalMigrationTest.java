package org.thesenforum.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V5 turns the live event log of a running forum into the journal: entries keep their content and seq, get a kind,
 * a target and a swap mode, and new entries get ids that do not collide. Runs on an H2 database of its own, or, in
 * the PostgreSQL run ({@code -Dquarkus.test.profile=postgres-test}), in a schema of its own on that server.
 */
class JournalMigrationTest {

    private static final String SCHEMA = "journal_migration_check";

    private Flyway flyway;

    @BeforeEach
    void migrateToTheLiveEventLog() {
        flyway = flyway("4");
        flyway.clean();
        flyway.migrate();
    }

    @AfterEach
    void dropTheSchema() {
        flyway.clean();
    }

    @Test
    void entriesOfTheOldLogGetKindTargetAndSwapAndKeepTheirContent() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO discussions (id, slug, title, created_at) "
                    + "VALUES (1, 'd', 'D', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO topics (id, discussion_id, kind, number, position, title, body) "
                    + "VALUES (7, 1, 'THESIS', 1, 1, 'T', 'B')");
            sql.execute("INSERT INTO accounts (id, email, display_name, password_hash, role, created_at) "
                    + "VALUES (3, 'a@example.org', 'A', 'x', 'EXPERT', CURRENT_TIMESTAMP)");
            // A thread six levels deep: comment 10 at the top, 11 below it, and so on down to 15.
            for (int id = 10; id <= 15; id++) {
                sql.execute("INSERT INTO comments (id, topic_id, parent_id, author_id, body, created_at) VALUES ("
                        + id + ", 7, " + (id == 10 ? "NULL" : String.valueOf(id - 1)) + ", 3, 'x', CURRENT_TIMESTAMP)");
            }
            String[][] entries = {
                { "comment.created", "10" }, { "comment.created", "11" }, { "comment.created", "14" },
                { "comment.created", "15" }, { "comment.edited", "10" }, { "comment.hidden", "11" },
                { "topic.locked", "7" },
            };
            for (int i = 0; i < entries.length; i++) {
                sql.execute("INSERT INTO live_events (id, discussion_id, seq, type, topic_id, entity_id, data, html, "
                        + "created_at) VALUES (" + (1 + 50 * i) + ", 1, " + (i + 1) + ", '" + entries[i][0] + "', 7, "
                        + entries[i][1] + ", '{}', '<li></li>', CURRENT_TIMESTAMP)");
            }
        }

        flyway("5").migrate();

        assertEquals(List.of(
                "1 comment.created comment 10 thread-7 append",
                "2 comment.created comment 11 c10-replies append",
                "3 comment.created comment 14 c13-replies append",
                "4 comment.created comment 15 null null",
                "5 comment.edited comment 10 c10 replace",
                "6 comment.hidden comment 11 c11 replace",
                "7 topic.locked topic 7 topic-status-7 replace"), rows(
                        "SELECT seq, type, entity_kind, entity_id, target, swap FROM journal_entries ORDER BY seq"));
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            ResultSet next = sql.executeQuery("SELECT nextval('journal_entries_seq'), MAX(id) FROM journal_entries");
            next.next();
            assertTrue(next.getLong(1) > next.getLong(2), "the sequence hands out ids above every existing one");
        }
        assertEquals(List.of("7"),
                rows("SELECT COUNT(*) FROM journal_entries WHERE data = '{}' AND html = '<li></li>'"));
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    private static boolean onPostgres() {
        return "postgres-test".equals(System.getProperty("quarkus.test.profile"));
    }

    private static String url() {
        return onPostgres()
                ? System.getenv().getOrDefault("FORUM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test")
                : "jdbc:h2:mem:journal-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    private static String user() {
        return onPostgres() ? System.getenv().getOrDefault("FORUM_DB_USER", "postgres") : "sa";
    }

    private static String password() {
        return onPostgres() ? System.getenv().getOrDefault("FORUM_DB_PASSWORD", "") : "";
    }

    private Connection connect() throws SQLException {
        Connection db = DriverManager.getConnection(url(), user(), password());
        try (Statement sql = db.createStatement()) {
            sql.execute(onPostgres() ? "SET search_path TO " + SCHEMA : "SET SCHEMA " + SCHEMA);
        }
        return db;
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).cleanDisabled(false).load();
    }
}
