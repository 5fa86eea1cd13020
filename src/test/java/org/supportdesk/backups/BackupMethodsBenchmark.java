package org.supportdesk.backups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConnection;

/**
 * Not a test: how much each way of copying a live SQLite database holds up its writer. A database
 * of {@code rows} rows (~1 KB each, 16 KiB pages, WAL, as the service makes them) gets a write
 * transaction every 5 ms from one thread (the service's single writer) and a PASSIVE checkpoint
 * every second (as system/Database does), while a second connection copies it with
 *
 * <ul>
 *   <li>{@code VACUUM INTO}: one read transaction, a compacted copy;
 *   <li>the online backup API in one step ({@code sqlite3_backup_step(-1)}): one read
 *       transaction, a page-for-page copy;
 *   <li>sqlite-jdbc's {@code backup to} command: the online backup API 100 pages per step, which
 *       starts over whenever another connection writes between two steps.
 * </ul>
 *
 * It prints the copy's duration and size, the writer's commit latency (median, p99, max) and
 * throughput during the copy next to a run without a copy, the restarts, and the WAL's largest
 * size. From the project root after {@code ./mvnw test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.supportdesk.backups.BackupMethodsBenchmark [rows [methods...]]</pre>
 */
public final class BackupMethodsBenchmark {

    private static final int PAYLOAD = 1000;
    private static final int GIVE_UP_SECONDS = 60;
    private static final long WRITE_EVERY_NANOS = 5_000_000;

    private BackupMethodsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("backup-bench");
        Path db = dir.resolve("source.db");
        create(db, rows);
        System.out.printf(Locale.ROOT, "database: %,d rows, %,d MB%n", rows, Files.size(db) >> 20);
        List<String> methods = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("none", "vacuum-into", "online-one-step", "backup-to", "vacuum-into", "online-one-step");
        for (String method : methods) {
            run(db, dir, method);
        }
    }

    private static Connection open(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=10000");
        }
        return c;
    }

    private static void create(Path db, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=16384");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at INTEGER NOT NULL,"
                    + " payload TEXT NOT NULL)");
            s.execute("CREATE INDEX t_status ON t (status, created_at)");
            s.execute("CREATE INDEX t_created ON t (created_at)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    bind(insert, i);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static void bind(PreparedStatement insert, long i) throws SQLException {
        var random = ThreadLocalRandom.current();
        insert.setString(1, new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        insert.setString(2, "s" + random.nextInt(5));
        insert.setLong(3, i);
        insert.setString(4, "x".repeat(PAYLOAD));
    }

    private static void run(Path db, Path dir, String method) throws Exception {
        var stop = new AtomicBoolean();
        var latencies = new long[1_000_000];
        var writes = new AtomicInteger();
        var maxWal = new AtomicLong();
        Path wal = Path.of(db + "-wal");
        Thread writer = new Thread(() -> write(db, stop, latencies, writes));
        Thread checkpointer = new Thread(() -> checkpoint(db, stop, wal, maxWal));
        writer.start();
        checkpointer.start();
        Thread.sleep(1000);
        int before = writes.get();
        long start = System.nanoTime();
        Path copy = dir.resolve(method + "-" + System.nanoTime() + ".db");
        int[] restarts = {0};
        // The copy on a thread of its own: the stepped backup may never finish while writes go on,
        // so after GIVE_UP_SECONDS the writer stops and the copy is left to finish.
        Thread copier = new Thread(() -> copy(db, copy, method, restarts));
        copier.start();
        copier.join(GIVE_UP_SECONDS * 1000L);
        boolean finishedUnderWrites = !copier.isAlive();
        long nanos = System.nanoTime() - start;
        int during = writes.get() - before;
        stop.set(true);
        writer.join();
        copier.join();
        long total = System.nanoTime() - start;
        checkpointer.join();
        long[] window = Arrays.copyOfRange(latencies, before, Math.min(latencies.length, before + during));
        Arrays.sort(window);
        System.out.printf(
                Locale.ROOT,
                "%-16s copy %6.2f s%s, %4d MB; writer: %5d commits (%4.0f/s), latency median %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; restarts %d; largest WAL %d MB%n",
                method,
                total / 1e9,
                finishedUnderWrites ? "" : " (unfinished after " + GIVE_UP_SECONDS + " s of writes)",
                Files.exists(copy) ? Files.size(copy) >> 20 : 0,
                during,
                during / (nanos / 1e9),
                window.length == 0 ? 0 : window[window.length / 2] / 1e6,
                window.length == 0 ? 0 : window[(int) (window.length * 0.99)] / 1e6,
                window.length == 0 ? 0 : window[window.length - 1] / 1e6,
                restarts[0],
                maxWal.get() >> 20);
        Files.deleteIfExists(copy);
        Files.deleteIfExists(Path.of(copy + "-journal"));
    }

    private static void copy(Path db, Path copy, String method, int[] restarts) {
        try (Connection c = open(db);
                Statement s = c.createStatement()) {
            switch (method) {
                case "none" -> Thread.sleep(3000);
                case "vacuum-into" -> s.execute("VACUUM INTO '" + copy + "'");
                case "online-one-step" ->
                    c.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(), null, 100, 3, -1);
                case "backup-to" -> {
                    // What `backup to <file>` does (100 pages per step), with a count of its restarts.
                    int[] last = {Integer.MAX_VALUE};
                    c.unwrap(SQLiteConnection.class)
                            .getDatabase()
                            .backup(
                                    "main",
                                    copy.toString(),
                                    (remaining, total) -> {
                                        if (remaining > last[0]) {
                                            restarts[0]++;
                                        }
                                        last[0] = remaining;
                                    },
                                    100,
                                    3,
                                    100);
                }
                default -> throw new IllegalArgumentException(method);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One small write transaction every 5 ms, as a busy service's writer commits. */
    private static void write(Path db, AtomicBoolean stop, long[] latencies, AtomicInteger writes) {
        try (Connection c = open(db);
                Statement s = c.createStatement();
                PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            long n = 10_000_000L;
            while (!stop.get()) {
                long start = System.nanoTime();
                s.execute("BEGIN IMMEDIATE");
                bind(insert, n++);
                insert.executeUpdate();
                s.execute("COMMIT");
                long took = System.nanoTime() - start;
                int i = writes.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = took;
                }
                long pause = WRITE_EVERY_NANOS - took;
                if (pause > 0) {
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                }
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkpoint(Path db, AtomicBoolean stop, Path wal, AtomicLong maxWal) {
        try (Connection c = open(db);
                Statement s = c.createStatement()) {
            while (!stop.get()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                if (Files.exists(wal)) {
                    maxWal.accumulateAndGet(Files.size(wal), Math::max);
                }
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
