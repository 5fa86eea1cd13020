package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class StatementCacheTests {

    @TempDir
    Path dir;

    private SQLiteDataSource sqlite;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        other = sqlite.getConnection();
        try (Statement s = other.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO t (id) VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
    }

    @Test
    void aStatementIsReusedOnceClosed() throws SQLException {
        try (Connection c = new StatementCachingDataSource(sqlite).getConnection()) {
            var first = c.prepareStatement("SELECT id FROM t");
            Object driverStatement = first.unwrap(Statement.class);
            first.close();
            try (var second = c.prepareStatement("SELECT id FROM t")) {
                assertThat(second.unwrap(Statement.class)).isSameAs(driverStatement);
            }
        }
    }

    /**
     * JDBC closes a statement's results with the statement. A cached statement is not closed but
     * kept; if its results stayed open, its connection would keep reading the snapshot they started
     * on for as long as it sits in the pool, and SQLite's log could never be restarted.
     */
    @Test
    void closingAStatementWhoseResultsAreStillOpenEndsItsReadSnapshot() throws SQLException {
        try (Connection c = new StatementCachingDataSource(sqlite).getConnection()) {
            var statement = c.prepareStatement("SELECT id FROM t");
            ResultSet rows = statement.executeQuery();
            assertThat(rows.next()).isTrue();
            statement.close();
            assertThat(rows.isClosed()).isTrue();

            try (Statement s = other.createStatement()) {
                s.execute("INSERT INTO t (id) VALUES (4)");
                s.execute("PRAGMA busy_timeout=0");
                try (ResultSet checkpoint = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    checkpoint.next();
                    assertThat(checkpoint.getInt(1))
                            .as("busy: a reader still holds a snapshot")
                            .isZero();
                }
            }
        }
    }
}
