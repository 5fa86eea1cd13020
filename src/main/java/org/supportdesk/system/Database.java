package org.supportdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs write transactions.
 *
 * <p>On SQLite, which has one writer at a time, writes go to a single writer thread that commits
 * whatever has queued up meanwhile in one transaction ({@link GroupCommit}); a caller's answer waits
 * for the commit, so nothing acknowledged is lost. PostgreSQL handles concurrent writers itself and
 * gets a plain transaction per call.
 *
 * <p>Work of one kind that many requests send at once (new tickets) can go further: {@link
 * #writeBatched} items queued next to each other are written by one call of their {@link Batched},
 * so they share its statements (one multi-row insert instead of one insert per request).
 */
public class Database implements AutoCloseable {

    private final TransactionTemplate tx;
    private final String product;
    /** SQLite's writer thread; null on PostgreSQL. */
    private final GroupCommit groupCommit;

    Database(DataSource dataSource, TransactionTemplate tx) {
        this.tx = tx;
        this.product = productName(dataSource);
        if (isSqlite()) {
            SqliteWal wal = dataSource instanceof SqliteDataSource sqlite ? sqlite.wal() : null;
            groupCommit = new GroupCommit(tx, wal);
        } else {
            groupCommit = null;
        }
    }

    private static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot reach the database", e);
        }
    }

    public boolean isSqlite() {
        return product.toLowerCase(Locale.ROOT).contains("sqlite");
    }

    /** Runs {@code work} in a transaction and returns once it is committed. */
    public <T> T write(Supplier<T> work) {
        if (groupCommit == null || groupCommit.onWriterThread()) {
            return tx.execute(status -> work.get());
        }
        return groupCommit.await(new QueuedWrite<>(work, null, null));
    }

    /** Writes items of one kind, several at a time: see {@link #writeBatched}. */
    @FunctionalInterface
    public interface Batched<I> {
        /** Writes the items in the current transaction; throws to undo them all. */
        void writeAll(List<I> items);
    }

    /**
     * Writes {@code item} in a transaction and returns once it is committed, like {@link #write}.
     * On SQLite, the items of {@code writer} that queued up together are written by one call of it.
     * When that call fails, they are undone and written one at a time, each in a savepoint of its
     * own, so that only a failing item fails: what a caller sees does not depend on its
     * neighbours. PostgreSQL writes each item in a transaction of its own.
     */
    public <I> void writeBatched(Batched<I> batched, I item) {
        Supplier<Void> alone = () -> {
            batched.writeAll(List.of(item));
            return null;
        };
        if (groupCommit == null || groupCommit.onWriterThread()) {
            write(alone);
            return;
        }
        groupCommit.await(new QueuedWrite<>(alone, batched, item));
    }

    /** Writes waiting for the writer thread. */
    int queued() {
        return groupCommit == null ? 0 : groupCommit.queued();
    }

    /**
     * Runs {@code action} once the current transaction has committed, or at once when there is none
     * (what was written is then already stored). Undone work never triggers it: a rolled-back
     * transaction drops it, and so does a failed savepoint of {@link #writeBatched} or of the
     * writer's group commit.
     */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }
}
