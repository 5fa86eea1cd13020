package org.supportdesk.backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.sqlite.SQLiteConfig;
import org.supportdesk.system.Database;
import org.supportdesk.system.OwnerOnly;
import org.supportdesk.system.SupportdeskProperties;

/**
 * Backups of the SQLite database while the service serves. `VACUUM INTO` reads the database in
 * one read transaction, which in WAL mode neither waits for the writer nor holds it up, and writes
 * a compact copy of that one snapshot (docs/BENCHMARKS.md compares it with the online backup API).
 * The copy is written under a temporary name, synced, and renamed: a file with a backup's name is
 * always whole. One backup at a time; the newest {@code keep} are kept.
 */
@Service
@EnableConfigurationProperties(BackupSettings.class)
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final String PREFIX = "supportdesk-";
    private static final String SUFFIX = ".db";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(PREFIX) + "\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z" + Pattern.quote(SUFFIX));

    private final Database db;
    private final DataSource dataSource;
    private final Clock clock;
    private final Path dir;
    private final int keep;
    private final ReentrantLock writing = new ReentrantLock();

    Backups(
            Database db,
            DataSource dataSource,
            Clock clock,
            SupportdeskProperties properties,
            BackupSettings settings) {
        this.db = db;
        this.dataSource = dataSource;
        this.clock = clock;
        this.dir =
                (settings.dir() != null ? settings.dir() : properties.dataDir().resolve("backups")).toAbsolutePath();
        this.keep = settings.keep();
    }

    /** A backup just written: its file name in the backups directory, size and how long it took. */
    record Written(String file, long sizeBytes, Instant createdAt, long durationMs) {}

    /** A backup in the directory. */
    record BackupFile(String file, long sizeBytes, Instant createdAt) {}

    int keep() {
        return keep;
    }

    Written write() {
        requireSqlite();
        if (!writing.tryLock()) {
            throw new BackupFailures.AlreadyRunning();
        }
        try {
            return writeLocked();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup into " + dir, e);
        } finally {
            writing.unlock();
        }
    }

    private Written writeLocked() throws IOException {
        // Tickets hold customers' data: the backups are readable by the service's user only.
        OwnerOnly.createDirectories(dir);
        removePartials();
        requireSpace();
        Instant at = clock.instant();
        String name = PREFIX + STAMP.format(at) + SUFFIX;
        Path partial = dir.resolve(name + PARTIAL);
        long start = System.nanoTime();
        try {
            OwnerOnly.createFile(partial);
            copyInto(partial);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long size = Files.size(dir.resolve(name));
        log.info("Backup {} written: {} bytes in {} ms", name, size, ms);
        prune();
        return new Written(name, size, at, ms);
    }

    /**
     * On a read-only connection of its own, not one of the pool's: VACUUM INTO refuses to run on a
     * connection with statements in progress, as the pool's cached ones may be, and a connection
     * of its own cannot write to the database by mistake.
     */
    private void copyInto(Path target) {
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile(), config.toProperties());
                Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == 13) { // SQLITE_FULL
                throw new BackupFailures.NotEnoughSpace(dir.toFile().getUsableSpace(), databaseSize());
            }
            throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
        }
    }

    List<BackupFile> list() {
        requireSqlite();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString())
                            .reversed())
                    .map(Backups::describe)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backups in " + dir, e);
        }
    }

    private static BackupFile describe(Path file) {
        String name = file.getFileName().toString();
        String stamp = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        try {
            return new BackupFile(name, Files.size(file), STAMP.parse(stamp, Instant::from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bounded: only the newest {@code keep} stay. */
    private void prune() throws IOException {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(dir.resolve(old.file()));
            log.info("Backup {} removed (supportdesk.backup.keep={})", old.file(), keep);
        }
    }

    /** Left by a backup that the process did not live to finish. */
    private void removePartials() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The copy is at most as large as the database and its WAL together. */
    private void requireSpace() throws IOException {
        long needed = databaseSize();
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < needed) {
            throw new BackupFailures.NotEnoughSpace(free, needed);
        }
    }

    private long databaseSize() {
        Path file = databaseFile();
        Path wal = Path.of(file + "-wal");
        try {
            return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where SQLite says the database is, whatever the data directory's layout. */
    private Path databaseFile() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if ("main".equals(rs.getString("name"))) {
                    return Path.of(rs.getString("file"));
                }
            }
            throw new IllegalStateException("SQLite names no main database");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find the database file: " + e.getMessage(), e);
        }
    }

    private void requireSqlite() {
        if (!db.isSqlite()) {
            throw new BackupFailures.Unsupported();
        }
    }
}
