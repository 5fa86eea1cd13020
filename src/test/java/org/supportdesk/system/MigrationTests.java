package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supportdesk.TestDatabase;

/** Migrations carry the data of a store made by an earlier version. */
@Tag(TestDatabase.BOTH)
class MigrationTests {

    @Test
    void version3KeepsEveryTagRowWithItsTicketsCreationTime() throws Exception {
        Store store = newStore();
        String url = store.url();
        String dialect = store.dialect();
        migrate(url, dialect, "2");
        try (Connection c = connect(url);
                var s = c.createStatement()) {
            s.execute("""
                    INSERT INTO tickets (id, customer_id, customer_email, customer_name, subject, description,
                      category, category_by, priority, priority_rank, priority_by, status, tags, source,
                      created_at, updated_at, created_by, version)
                    VALUES ('7d4c7c8e-0f8e-4c55-9d3a-7b0f4f6f2a11', 'c1', 'a@example.com', 'Ann', 'Subject',
                      'Description', 'other', 'person', 'low', 0, 'person', 'new', '["vpn","export"]', 'email',
                      1764000000000, 1764000000000, 'admin', 1)""");
            s.execute("INSERT INTO ticket_tags (ticket_id, tag) VALUES"
                    + " ('7d4c7c8e-0f8e-4c55-9d3a-7b0f4f6f2a11', 'vpn'),"
                    + " ('7d4c7c8e-0f8e-4c55-9d3a-7b0f4f6f2a11', 'export')");
        }

        migrate(url, dialect, null);

        var rows = new ArrayList<String>();
        try (Connection c = connect(url);
                var s = c.createStatement();
                var r = s.executeQuery("SELECT tag, created_at, ticket_id FROM ticket_tags ORDER BY tag")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getString(3));
            }
        }
        assertThat(rows)
                .isEqualTo(List.of(
                        "export 1764000000000 7d4c7c8e-0f8e-4c55-9d3a-7b0f4f6f2a11",
                        "vpn 1764000000000 7d4c7c8e-0f8e-4c55-9d3a-7b0f4f6f2a11"));
    }

    @Test
    void version7GivesStoredTicketsDueTimesFromTheDefaultTargetsAndCountsTheirOutcomes() throws Exception {
        Store store = newStore();
        String url = store.url();
        String dialect = store.dialect();
        migrate(url, dialect, "4");
        long created = 1_764_000_000_000L;
        long hour = 3_600_000L;
        try (Connection c = connect(url);
                var s = c.createStatement()) {
            s.execute(oldTicket("11111111-0f8e-4c55-9d3a-7b0f4f6f2a11", "urgent", 3, "new", created, "NULL"));
            s.execute(oldTicket(
                    "22222222-0f8e-4c55-9d3a-7b0f4f6f2a11",
                    "low",
                    0,
                    "resolved",
                    created,
                    "" + (created + 200 * hour)));
            s.execute(oldTicket(
                    "33333333-0f8e-4c55-9d3a-7b0f4f6f2a11", "high", 2, "waiting_customer", created + hour, "NULL"));
        }

        migrate(url, dialect, null);

        var rows = new ArrayList<String>();
        try (Connection c = connect(url);
                var s = c.createStatement();
                var r = s.executeQuery(
                        "SELECT priority, first_response_due_at - created_at, resolution_due_at - created_at,"
                                + " sla_paused_at, sla_due_at, first_response_outcome, resolution_outcome, comment_count"
                                + " FROM tickets ORDER BY id")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) / hour + "h " + r.getLong(3) / hour + "h paused "
                        + r.getObject(4) + " due " + r.getLong(5) + " outcomes " + r.getInt(6) + r.getInt(7) + " "
                        + r.getInt(8));
            }
        }
        assertThat(rows)
                .containsExactly(
                        "urgent 1h 4h paused null due " + (created + hour) + " outcomes 00 0",
                        "low 24h 168h paused null due " + ((1L << 62) + created) + " outcomes 22 0",
                        "high 4h 24h paused " + (created + hour) + " due " + ((1L << 62) + created + hour)
                                + " outcomes 00 0");
        try (Connection c = connect(url);
                var s = c.createStatement();
                var r = s.executeQuery("SELECT SUM(n), SUM(CASE WHEN resolution_outcome = 2 THEN n ELSE 0 END),"
                        + " COUNT(*) FROM ticket_counts")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(3);
            assertThat(r.getLong(2)).isEqualTo(1);
            assertThat(r.getLong(3)).isEqualTo(6 * 4 * 5 * 3 * 3);
        }
    }

    @Test
    void version14RenamesLaterAgentsWhoseNamesDifferOnlyInCaseAndThenRefusesSuch() throws Exception {
        Store store = newStore();
        String url = store.url();
        String dialect = store.dialect();
        // The last version before 14: PostgreSQL has no 13 (that one dropped a trigger only SQLite had).
        migrate(url, dialect, dialect.equals("sqlite") ? "13" : "12");
        String long96 = "L".repeat(96);
        try (Connection c = connect(url);
                var s = c.createStatement()) {
            // The order of creation decides, then the id: 'Ann' is the oldest of the three.
            s.execute(oldAgent("a1", "ANN", 3000));
            s.execute(oldAgent("a2", "Ann", 1000));
            s.execute(oldAgent("a3", "ann", 2000));
            s.execute(oldAgent("a4", "aNN", 3000));
            // A name as long as allowed, twice: the suffix takes the place of its end.
            s.execute(oldAgent("b1", long96 + "xxxx", 1000));
            s.execute(oldAgent("b2", long96 + "XXXX", 2000));
            // " (2)" is somebody's name already: the id is the suffix instead.
            s.execute(oldAgent("c1", "Bob", 1000));
            s.execute(oldAgent("c2", "BOB", 2000));
            s.execute(oldAgent("c3", "bob (2)", 500));
            s.execute(oldAgent("d1", "Dana", 1000));
        }

        migrate(url, dialect, null);

        var names = new ArrayList<String>();
        try (Connection c = connect(url);
                var s = c.createStatement();
                var r = s.executeQuery("SELECT id, name FROM agents ORDER BY id")) {
            while (r.next()) {
                names.add(r.getString(1) + " " + r.getString(2));
            }
        }
        assertThat(names)
                .containsExactly(
                        "a1 ANN (3)",
                        "a2 Ann",
                        "a3 ann (2)",
                        "a4 aNN (4)",
                        "b1 " + long96 + "xxxx",
                        "b2 " + long96 + " (2)",
                        "c1 Bob",
                        "c2 BOB (c2)",
                        "c3 bob (2)",
                        "d1 Dana");
        try (Connection c = connect(url);
                var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(oldAgent("e1", "DANA", 4000))).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void version17KeepsTheLatestChangeOfEachTicketIdAndDropsEarlierTombstones() throws Exception {
        Store store = newStore();
        String url = store.url();
        String dialect = store.dialect();
        migrate(url, dialect, "16");
        String back = "11111111-0f8e-4c55-9d3a-7b0f4f6f2a11"; // deleted, imported back with another creation time
        String twice = "22222222-0f8e-4c55-9d3a-7b0f4f6f2a11"; // ... and deleted again
        String once = "33333333-0f8e-4c55-9d3a-7b0f4f6f2a11";
        try (Connection c = connect(url);
                var s = c.createStatement()) {
            s.execute(oldTicket(back, "low", 0, "new", 2000, "NULL"));
            s.execute("DELETE FROM ticket_changes");
            s.execute("INSERT INTO ticket_changes (seq, ticket_id, created_at, kind, at, actor) VALUES"
                    + " (1, '" + back + "', 1000, 'deleted', 1, 'admin'), (2, '" + twice
                    + "', 1000, 'deleted', 2, 'admin'),"
                    + " (3, '" + once + "', 1000, 'deleted', 3, 'admin'), (4, '" + back
                    + "', 2000, 'created', 4, 'admin'),"
                    + " (5, '" + twice + "', 2000, 'deleted', 5, 'admin')");
        }

        migrate(url, dialect, null);

        var rows = new ArrayList<String>();
        try (Connection c = connect(url);
                var s = c.createStatement();
                var r = s.executeQuery("SELECT seq, kind FROM ticket_changes ORDER BY seq")) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2));
            }
        }
        assertThat(rows).containsExactly("3 deleted", "4 created", "5 deleted");
    }

    private static String oldAgent(String id, String name, long createdAt) {
        return "INSERT INTO agents (id, email, name, role, session_epoch, created_at) VALUES ('%s', '%s@example.com', '%s', 'agent', 0, %d)"
                .formatted(id, id, name, createdAt);
    }

    private static String oldTicket(String id, String priority, int rank, String status, long at, String resolvedAt) {
        return "INSERT INTO tickets (id, customer_id, customer_email, customer_name, subject, description, category,"
                + " category_by, priority, priority_rank, priority_by, status, tags, source, created_at, updated_at,"
                + " resolved_at, created_by, version) VALUES ('%s', 'c1', 'a@example.com', 'Ann', 'Subject',"
                        .formatted(id)
                + " 'Description', 'other', 'person', '%s', %d, 'person', '%s', '[]', 'email', %d, %d, %s, 'admin', 1)"
                        .formatted(priority, rank, status, at, at, resolvedAt);
    }

    /** An empty database of the run's kind, and the folder of its migrations. */
    private record Store(String url, String dialect) {}

    private static Store newStore() throws Exception {
        return TestDatabase.isPostgres()
                ? new Store(TestDatabase.newDatabase(), "postgresql")
                : new Store(
                        "jdbc:sqlite:"
                                + Files.createTempDirectory("supportdesk-migration")
                                        .resolve("old.db"),
                        "sqlite");
    }

    private static void migrate(String url, String dialect, String target) {
        var config = Flyway.configure()
                .dataSource(url, user(url), password(url))
                .locations("classpath:db/migration/" + dialect);
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, user(url), password(url));
    }

    private static String user(String url) {
        return url.startsWith("jdbc:postgresql:") ? TestDatabase.USER : null;
    }

    private static String password(String url) {
        return url.startsWith("jdbc:postgresql:") ? TestDatabase.PASSWORD : null;
    }
}
