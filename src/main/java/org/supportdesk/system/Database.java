package org.supportdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs write transactions. SQLite allows one writer at a time and makes the others spin on
 * SQLITE_BUSY with sleeps; queueing writers on a lock in the process is much faster and fair.
 * PostgreSQL needs no such lock.
 */
public class Database {

    private final TransactionTemplate tx;
    private final ReentrantLock writeLock;
    private final String product;

    Database(DataSource dataSource, TransactionTemplate tx) {
        this.tx = tx;
        this.product = productName(dataSource);
        this.writeLock = isSqlite() ? new ReentrantLock(true) : null;
    }

    private static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot reach the database", e);
        }
    }

    public boolean isSqlite() {
        return product.toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    }

    public <T> T write(Supplier<T> work) {
        if (writeLock == null) {
            return tx.execute(status -> work.get());
        }
        writeLock.lock();
        try {
            return tx.execute(status -> work.get());
        } finally {
            writeLock.unlock();
        }
    }
}
