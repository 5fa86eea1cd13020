package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
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
        String url;
        String dialect;
        if (TestDatabase.isPostgres()) {
            url = TestDatabase.newDatabase();
            dialect = "postgresql";
        } else {
            url = "jdbc:sqlite:"
                    + Files.createTempDirectory("supportdesk-migration").resolve("old.db");
            dialect = "sqlite";
        }
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
