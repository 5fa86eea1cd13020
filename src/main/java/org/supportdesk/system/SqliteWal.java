package org.supportdesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite's write-ahead log (the `-wal` file beside the database) bounded.
 *
 * <p>Every commit appends the pages it touched to the log (with 16 KiB pages and nine indexes,
 * about 70-170 KB per ticket under load). A checkpoint copies them into the database, but only a
 * checkpoint that completes and then <em>restarts</em> the log lets later commits write at its
 * start again, and the log restarts only when no reader is still on a snapshot that includes it.
 * PASSIVE checkpoints, which the service ran every second (and SQLite's auto-checkpoint runs),
 * never wait for readers, so with requests reading all the time the log never restarted: measured,
 * 4 clients posting for 30 s left an 843 MB log beside a 6.5 MB database, 16 clients for 90 s 11 GB,
 * and it grew for as long as the writes went on.
 *
 * <p>So the single writer, between two group commits, runs a TRUNCATE checkpoint whenever the log
 * file has passed the limit: it copies the log into the database, waits for the readers that are
 * still on older pages (requests take milliseconds; new readers read the database file and are not
 * waited for) and empties the file. A reader that holds its snapshot longer than {@link
 * #READER_WAIT} (a long statistics query, say) is not waited for: the checkpoint copies what it can,
 * writes go on, and the next try comes {@link #RETRY} later or once the log has grown by another
 * limit, whichever is first. So the log stays within about the limit plus one group commit, plus
 * what is written while one read runs. The writer calls this on its own thread and connection, so
 * no other checkpoint runs at the same time.
 */
final class SqliteWal {

    private static final Logger log = LoggerFactory.getLogger(SqliteWal.class);
    static final Duration READER_WAIT = Duration.ofMillis(100);
    static final Duration RETRY = Duration.ofSeconds(1);
    /** The writer's usual busy timeout, restored after a checkpoint (see DatabaseConfig). */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final long limitBytes;
    private final DataSource writer;
    private final Clock clock;
    /** After a checkpoint a reader kept from completing: when to try again, by time or by size. */
    private Instant retryAt = Instant.MIN;

    private long retryAtSize;

    /**
     * @param database the database file; its log is the file of the same name with `-wal` added
     * @param writer the connection checkpoints run on: the writer's, as only the writer thread calls
     */
    SqliteWal(Path database, long limitBytes, DataSource writer, Clock clock) {
        this.file = database.resolveSibling(database.getFileName() + "-wal");
        this.limitBytes = limitBytes;
        this.writer = writer;
        this.clock = clock;
    }

    /** Called by the writer after each commit: empties the log once it has passed the limit. */
    void afterCommit() {
        long size = size();
        if (size < limitBytes || (size < retryAtSize && clock.instant().isBefore(retryAt))) {
            return;
        }
        if (!truncate()) {
            retryAt = clock.instant().plus(RETRY);
            retryAtSize = size + limitBytes;
        }
    }

    /**
     * Copies the whole log into the database and empties the file; false when a reader kept its
     * snapshot longer than {@link #READER_WAIT} (the part of the log before it is still copied).
     */
    boolean truncate() {
        long start = System.nanoTime();
        try (Connection c = writer.getConnection();
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + READER_WAIT.toMillis());
            try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                boolean done = r.next() && r.getInt(1) == 0;
                log.debug(
                        "WAL checkpoint {} in {} ms: {} of {} pages copied",
                        done ? "done" : "waits for a reader",
                        (System.nanoTime() - start) / 1_000_000,
                        r.getInt(3),
                        r.getInt(2));
                return done;
            } finally {
                s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            }
        } catch (SQLException e) {
            log.warn("WAL checkpoint failed: {}", e.toString());
            return false;
        }
    }

    /** Bytes in the log file, 0 when there is none. */
    long size() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            log.warn("Cannot read the size of {}: {}", file, e.toString());
            return 0;
        }
    }
}
