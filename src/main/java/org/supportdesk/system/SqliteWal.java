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
 * 40-170 KB per ticket under load). A checkpoint copies them into the database, but only a
 * checkpoint that completes and then <em>restarts</em> the log lets later commits write at its
 * start again, and the log restarts only when no reader is still on a snapshot that includes it.
 * PASSIVE checkpoints, which the service ran every second (and SQLite's auto-checkpoint runs),
 * never wait for readers, so with requests reading all the time the log never restarted: measured,
 * 4 clients posting for 30 s left an 843 MB log beside a 6.5 MB database, 16 clients for 90 s 11 GB,
 * and it grew for as long as the writes went on.
 *
 * <p>So the single writer, between two group commits, runs a TRUNCATE checkpoint whenever the log
 * file has passed the limit: it copies the log into the database, waits for the readers still on
 * older pages (readers that start meanwhile read the database file and are not waited for) and
 * empties the file. It runs on the writer's thread and connection, so no other checkpoint runs at
 * the same time and no commit waits for one in SQLite's busy loop. Copying most of the log before,
 * in PASSIVE checkpoints on a thread of their own, was tried: it halved the writer's time per
 * checkpoint (60-170 against 90-210 ms) but the service wrote no faster (in 5 of 6
 * alternating runs the writer doing it all was as fast or faster), so it was left out.
 *
 * <p>While the writer waits for readers, writes wait too; a request's read takes milliseconds, but
 * waiting only 100 ms was not enough: in a 10-minute run with 16 writers and 4 readers whose lists
 * took 300 ms on a loaded machine, no checkpoint completed and the log reached 18 GB. So the writer
 * waits up to {@link #READER_WAIT}, longer than the slowest read measured (statistics counting a
 * million rows, 1.9 s). A reader that holds its snapshot even longer (a stuck client, say) is not
 * waited for: the checkpoint copies what it can, writes go on, and the tries grow apart while it
 * lasts (after 1, 2, 4 ... s, at most a minute, or when the log has doubled), so that writes are
 * not held up again and again. The log stays within about the limit plus one group commit, plus
 * what is written while the longest read runs.
 */
final class SqliteWal {

    private static final Logger log = LoggerFactory.getLogger(SqliteWal.class);
    static final Duration READER_WAIT = Duration.ofSeconds(5);
    static final Duration RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(1);
    /** The writer's usual busy timeout, restored after a checkpoint (see DatabaseConfig). */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final long limitBytes;
    private final Duration readerWait;
    private final DataSource writer;
    private final Clock clock;
    /** After checkpoints readers kept from completing: when to try again, by time or by size. */
    private Instant retryAt = Instant.MIN;

    private long retryAtSize;
    private int failures;

    /**
     * @param database the database file; its log is the file of the same name with `-wal` added
     * @param readerWait how long a checkpoint waits for readers on older pages
     * @param writer the writer's connection: the writer thread calls {@link #afterCommit}
     */
    SqliteWal(Path database, long limitBytes, Duration readerWait, DataSource writer, Clock clock) {
        this.file = database.resolveSibling(database.getFileName() + "-wal");
        this.limitBytes = limitBytes;
        this.readerWait = readerWait;
        this.writer = writer;
        this.clock = clock;
    }

    /** Called by the writer after each commit: empties the log once it has passed the limit. */
    void afterCommit() {
        long size = size();
        boolean due =
                size >= limitBytes && (size >= retryAtSize || !clock.instant().isBefore(retryAt));
        if (!due) {
            return;
        }
        if (truncate()) {
            failures = 0;
        } else {
            // Each try can hold the writes up for the reader wait: tries grow apart while the
            // reader goes on, by time and by size.
            failures = Math.min(failures + 1, 7);
            Duration wait = RETRY.multipliedBy(1L << (failures - 1));
            retryAt = clock.instant().plus(wait.compareTo(MAX_RETRY) < 0 ? wait : MAX_RETRY);
            retryAtSize = 2 * size;
        }
    }

    /**
     * Copies the whole log into the database and empties the file; false when a reader kept its
     * snapshot longer than the reader wait (the part of the log before it is still copied).
     */
    boolean truncate() {
        long start = System.nanoTime();
        try (Connection c = writer.getConnection();
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + readerWait.toMillis());
            try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                boolean done = r.next() && r.getInt(1) == 0;
                log.debug(
                        "Log {} in {} ms",
                        done ? "emptied" : "kept for a reader",
                        (System.nanoTime() - start) / 1_000_000);
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
