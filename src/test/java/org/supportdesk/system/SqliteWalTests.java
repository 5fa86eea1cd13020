package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.supportdesk.MovableClock;

/** The writer's checkpoints, on a real SQLite file with a writer and a reader connection. */
class SqliteWalTests {

    private static final long LIMIT = 256 * 1024;
    /** How long a checkpoint waits for the reader these tests hold: they only wait for it to fail. */
    private static final Duration READER_WAIT = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private SQLiteDataSource source;
    private Connection writer;
    private SqliteWal wal;

    @BeforeEach
    void open() throws Exception {
        Path file = dir.resolve("test.db");
        source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        writer = source.getConnection();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
        }
        // Checkpoints on a connection of their own, as on the service's writer connection between
        // two commits.
        wal = new SqliteWal(file, LIMIT, READER_WAIT, source, clock);
    }

    @AfterEach
    void close() throws SQLException {
        writer.close();
    }

    @Test
    void theLogIsLeftAloneBelowTheLimitAndEmptiedOnceItPassesIt() throws SQLException {
        writeUntilTheLogHolds(LIMIT / 2);
        wal.afterCommit();
        assertThat(wal.size()).isBetween(LIMIT / 2, LIMIT);

        writeUntilTheLogHolds(LIMIT);
        wal.afterCommit();
        assertThat(wal.size()).isZero();
        assertThat(rows(writer)).isPositive();
    }

    @Test
    void aReaderOnAnOlderSnapshotDelaysTheCheckpointButNotTheWrites() throws SQLException {
        writeUntilTheLogHolds(LIMIT / 4);
        try (Connection reader = readerOnItsSnapshot()) {
            long seenByReader = rows(reader);
            writeUntilTheLogHolds(LIMIT);

            wal.afterCommit();

            assertThat(wal.size()).as("log kept while the reader needs it").isGreaterThanOrEqualTo(LIMIT);
            insert(10);
            assertThat(rows(writer)).isGreaterThan(seenByReader);
            assertThat(rows(reader)).isEqualTo(seenByReader);
            reader.rollback();
        }
        wal.afterCommit();
        assertThat(wal.size()).as("no new try before the retry time").isGreaterThan(0);

        clock.advance(SqliteWal.RETRY);
        wal.afterCommit();
        assertThat(wal.size()).isZero();
    }

    @Test
    void whileAReaderKeepsItsSnapshotTheTriesGrowApart() throws SQLException {
        writeUntilTheLogHolds(LIMIT / 4);
        try (Connection reader = readerOnItsSnapshot()) {
            writeUntilTheLogHolds(LIMIT);
            wal.afterCommit();
            clock.advance(SqliteWal.RETRY);
            wal.afterCommit();
            assertThat(wal.size()).as("the second try failed too").isGreaterThanOrEqualTo(LIMIT);
            reader.rollback();
        }
        clock.advance(SqliteWal.RETRY);
        wal.afterCommit();
        assertThat(wal.size()).as("one retry time later: no try yet").isGreaterThan(0);

        clock.advance(SqliteWal.RETRY);
        wal.afterCommit();
        assertThat(wal.size()).as("two retry times later").isZero();
    }

    @Test
    void afterAFailedCheckpointTheNextTryComesOnceTheLogHasDoubled() throws SQLException {
        writeUntilTheLogHolds(LIMIT / 4);
        try (Connection reader = readerOnItsSnapshot()) {
            writeUntilTheLogHolds(LIMIT);
            wal.afterCommit();
            reader.rollback();
        }
        long failedAt = wal.size();
        assertThat(failedAt).isGreaterThanOrEqualTo(LIMIT);
        writeUntilTheLogHolds(failedAt + LIMIT / 2);
        wal.afterCommit();
        assertThat(wal.size()).as("grown by half: no try yet").isGreaterThan(0);

        writeUntilTheLogHolds(2 * failedAt);
        wal.afterCommit();
        assertThat(wal.size()).isZero();
    }

    @Test
    void theCheckpointWaitsForAReaderThatFinishesWithinTheReaderWait() throws Exception {
        var patient = new SqliteWal(dir.resolve("test.db"), LIMIT, Duration.ofSeconds(5), source, clock);
        writeUntilTheLogHolds(LIMIT / 4);
        Connection reader = readerOnItsSnapshot();
        writeUntilTheLogHolds(LIMIT);
        long[] releasedAt = new long[1];
        var release = new Thread(() -> {
            try {
                Thread.sleep(500); // the reader's work, while the checkpoint waits for it
                releasedAt[0] = System.nanoTime();
                reader.close();
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        long startedAt = System.nanoTime();

        boolean done = patient.truncate();

        release.join();
        assumeTrue(startedAt < releasedAt[0], "the checkpoint began while the reader was still reading");
        assertThat(done).isTrue();
        assertThat(patient.size()).isZero();
    }

    @Test
    void truncateEmptiesALogOfAnySizeWhenNoReaderNeedsIt() throws SQLException {
        writeUntilTheLogHolds(LIMIT / 8);
        assertThat(wal.truncate()).isTrue();
        assertThat(wal.size()).isZero();
        assertThat(wal.truncate()).as("an empty log too").isTrue();
    }

    /** A second connection in a read transaction: it keeps the snapshot it read first. */
    private Connection readerOnItsSnapshot() throws SQLException {
        var source = new SQLiteDataSource();
        source.setUrl(writer.getMetaData().getURL());
        Connection reader = source.getConnection();
        reader.setAutoCommit(false);
        assertThat(rows(reader)).isPositive();
        return reader;
    }

    private void writeUntilTheLogHolds(long bytes) throws SQLException {
        while (wal.size() < bytes) {
            insert(20);
        }
    }

    private void insert(int rows) throws SQLException {
        try (var ps = writer.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                ps.setString(1, "x".repeat(500));
                ps.executeUpdate();
            }
        }
    }

    private static long rows(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
            return r.getLong(1);
        }
    }
}
