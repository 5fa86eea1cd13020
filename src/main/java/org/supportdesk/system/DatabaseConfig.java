package org.supportdesk.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * SQLite in the data directory unless `supportdesk.db.url` names another database. The SQLite
 * settings trade the last transaction on power loss (synchronous=NORMAL) for throughput; a killed
 * process loses nothing, since WAL commits are in the file before the answer goes out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportdeskProperties.class)
class DatabaseConfig {

    private static final int SQLITE_PAGE_SIZE = 16384;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(SupportdeskProperties properties, Clock clock) {
        var db = properties.db();
        if (db.url() != null && !db.url().isBlank()) {
            var config = pool("supportdesk", db.poolSize(), db.connectionTimeoutMs());
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            if (db.url().startsWith("jdbc:postgresql:")) {
                // Batched INSERTs (imports) travel as multi-row statements: far fewer round trips.
                // A URL that sets these itself wins.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                config.addDataSourceProperty("ApplicationName", "supportdesk");
                // Whatever the server's default: an update that lost a race re-reads the winner's
                // commit in the same transaction (TicketEdits), which needs READ COMMITTED.
                config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            }
            return new HikariDataSource(config);
        }
        Path file = properties.dataDir().resolve("supportdesk.db");
        String url = "jdbc:sqlite:" + file;
        if (Files.notExists(file)) {
            create(file, url);
        }
        long walLimit = (long) db.sqliteWalLimitMb() << 20;
        // Readers: as many as the pool allows, side by side in WAL mode, each with a modest cache
        // and the file mapped into memory, so that they share the operating system's cache.
        var readers = pool("supportdesk-read", db.poolSize(), db.connectionTimeoutMs());
        sqlite(readers, url, 16, walLimit);
        // The writer: one connection, with a cache that holds the indexes a large import touches.
        var writer = pool("supportdesk-write", 1, db.connectionTimeoutMs());
        sqlite(writer, url, db.sqliteWriterCacheMb(), walLimit);
        // No automatic checkpoints: they are PASSIVE, which never restarts the log while readers
        // come and go; the writer runs its own between commits (SqliteWal).
        writer.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        var writerPool = new HikariDataSource(writer);
        var wal = new SqliteWal(file, walLimit, SqliteWal.READER_WAIT, writerPool, clock);
        // The log a killed process left behind, however large, goes into the database before the
        // service takes any request.
        wal.truncate();
        return new SqliteDataSource(new HikariDataSource(readers), writerPool, wal);
    }

    /**
     * A new database file gets 16 KiB pages: measured on a million imported rows, B-trees with
     * four times the default 4 KiB split a quarter as often, and the import ran 15% faster. The
     * page size is fixed when the file is first written (here, by switching it to WAL), so an
     * existing file keeps its own (`PRAGMA page_size=16384; VACUUM;` changes it offline).
     */
    private static void create(Path file, String url) {
        try {
            // Created empty and readable by its owner only before SQLite opens it: SQLite would
            // create it rw-r--r-- whatever the umask, and gives its -wal and -shm files the
            // permissions of the database file.
            OwnerOnly.createDirectories(file.getParent());
            OwnerOnly.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database file " + file, e);
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + SQLITE_PAGE_SIZE);
            s.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot create the database " + url, e);
        }
    }

    private static HikariConfig pool(String name, int size, long timeoutMs) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMs);
        return config;
    }

    private static void sqlite(HikariConfig config, String url, int cacheMb, long walLimit) {
        var pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("synchronous", "NORMAL");
        pragmas.setProperty("foreign_keys", "true");
        pragmas.setProperty("busy_timeout", Integer.toString(SqliteWal.BUSY_TIMEOUT_MS));
        // When the log restarts without a TRUNCATE checkpoint (the writer found it all copied and
        // no reader on it), the first commit cuts a file larger than the limit back to it.
        pragmas.setProperty("journal_size_limit", Long.toString(walLimit));
        pragmas.setProperty("transaction_mode", "IMMEDIATE");
        pragmas.setProperty("cache_size", Integer.toString(-1024 * cacheMb));
        pragmas.setProperty("mmap_size", Long.toString(1L << 30));
        var settings = new SQLiteConfig(pragmas);
        // The driver already serialises every call on a connection (its native methods are
        // synchronized), so SQLite's own per-call connection mutex only adds cost: 1-2% of an import.
        settings.setOpenMode(SQLiteOpenMode.NOMUTEX);
        var sqlite = new SQLiteDataSource(settings);
        sqlite.setUrl(url);
        config.setDataSource(new StatementCachingDataSource(sqlite));
    }

    @Bean
    Database database(DataSource dataSource, org.springframework.transaction.support.TransactionTemplate tx) {
        return new Database(dataSource, tx);
    }
}
