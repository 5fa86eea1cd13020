package org.supportdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs write transactions.
 *
 * <p>SQLite has one writer at a time, and every commit writes each page it touched to the WAL. So
 * on SQLite, writes go to a single writer thread that commits whatever has queued up meanwhile in
 * one transaction (group commit), each piece of work in a savepoint of its own so that one failure
 * does not undo its neighbours. A caller's answer waits for the commit, so nothing acknowledged is
 * lost; under load a commit carries dozens of requests instead of one. PostgreSQL handles
 * concurrent writers itself and gets a plain transaction per call.
 */
public class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 256;

    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final String product;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** SQLite's write-ahead log, kept bounded by the writer between commits; null on PostgreSQL. */
    private final SqliteWal wal;

    private volatile boolean closed;

    Database(DataSource dataSource, TransactionTemplate tx) {
        this.tx = tx;
        this.savepoint = new TransactionTemplate(tx.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.product = productName(dataSource);
        if (isSqlite()) {
            wal = dataSource instanceof SqliteDataSource sqlite ? sqlite.wal() : null;
            writer = new SqliteDataSource.WriterThread(this::writeLoop);
            writer.start();
        } else {
            wal = null;
            writer = null;
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
        if (writer == null || Thread.currentThread() == writer) {
            return tx.execute(status -> work.get());
        }
        if (closed) {
            throw new IllegalStateException("Database is shutting down");
        }
        var task = new Task<T>(work);
        queue.add(task);
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final class Task<T> {
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException failure;

        Task(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            try {
                value = work.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        void finish() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }

    private void writeLoop() {
        var batch = new ArrayList<Task<?>>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
            if (wal != null) {
                wal.afterCommit();
            }
        }
    }

    private void commit(List<Task<?>> batch) {
        try {
            if (batch.size() == 1) {
                Task<?> only = batch.get(0);
                try {
                    tx.executeWithoutResult(status -> only.run());
                } catch (RuntimeException e) {
                    only.failure = e;
                }
            } else {
                tx.executeWithoutResult(status -> {
                    for (Task<?> task : batch) {
                        try {
                            savepoint.executeWithoutResult(s -> task.run());
                        } catch (RuntimeException e) {
                            // Rolled back to its savepoint; the others go on.
                            task.failure = e;
                        }
                    }
                });
            }
        } catch (RuntimeException commitFailed) {
            log.warn("Commit of {} writes failed: {}", batch.size(), commitFailed.toString());
            for (Task<?> task : batch) {
                if (task.failure == null) {
                    task.failure = commitFailed;
                }
            }
        } catch (Error e) {
            for (Task<?> task : batch) {
                task.result.completeExceptionally(e);
            }
            throw e;
        }
        for (Task<?> task : batch) {
            task.finish();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
