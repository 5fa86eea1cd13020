package org.supportdesk.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * SQLite with one writer: the writer thread of {@link GroupCommit} gets its own connection, with a
 * page cache large enough to keep the random-keyed indexes of a big import in memory; every other
 * thread reads through a pool of small-cache connections side by side (WAL mode).
 */
final class SqliteDataSource implements DataSource, AutoCloseable {

    /** The one thread that writes; see {@link GroupCommit}. */
    static final class WriterThread extends Thread {
        WriterThread(Runnable loop) {
            super(loop, "sqlite-writer");
            setDaemon(true);
        }
    }

    private final HikariDataSource readers;
    private final HikariDataSource writer;
    private final SqliteWal wal;

    SqliteDataSource(HikariDataSource readers, HikariDataSource writer, SqliteWal wal) {
        this.readers = readers;
        this.writer = writer;
        this.wal = wal;
    }

    /** The write-ahead log, which the writer thread keeps bounded. */
    SqliteWal wal() {
        return wal;
    }

    private DataSource current() {
        return Thread.currentThread() instanceof WriterThread ? writer : readers;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return readers.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        readers.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        readers.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return readers.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return readers.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return readers.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || readers.isWrapperFor(type);
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }
}
