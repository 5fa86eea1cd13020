package org.supportdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 *
 * <p>Work of one kind that many requests send at once (new tickets) can go further: {@link
 * #writeBatched} items queued next to each other are written by one call of their {@link Batched},
 * so they share its statements (one multi-row insert instead of one insert per request).
 */
public class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 256;

    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final String product;
    private final LinkedBlockingQueue<QueuedWrite<?>> queue = new LinkedBlockingQueue<>();
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
        return await(new QueuedWrite<>(work, null, null));
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
        if (writer == null || Thread.currentThread() == writer) {
            write(alone);
            return;
        }
        await(new QueuedWrite<>(alone, batched, item));
    }

    /** Writes waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    private <T> T await(QueuedWrite<T> task) {
        if (closed) {
            throw new IllegalStateException("Database is shutting down");
        }
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

    private void writeLoop() {
        var batch = new ArrayList<QueuedWrite<?>>();
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

    private void commit(List<QueuedWrite<?>> batch) {
        try {
            if (batch.size() == 1) {
                QueuedWrite<?> only = batch.get(0);
                try {
                    tx.executeWithoutResult(status -> only.run());
                } catch (RuntimeException e) {
                    only.failure = e;
                }
            } else {
                tx.executeWithoutResult(status -> {
                    int from = 0;
                    while (from < batch.size()) {
                        int to = sameBatched(batch, from);
                        if (to - from < 2 || !runTogether(batch.subList(from, to))) {
                            for (QueuedWrite<?> task : batch.subList(from, to)) {
                                runAlone(task);
                            }
                        }
                        from = to;
                    }
                });
            }
        } catch (RuntimeException commitFailed) {
            log.warn("Commit of {} writes failed: {}", batch.size(), commitFailed.toString());
            for (QueuedWrite<?> task : batch) {
                if (task.failure == null) {
                    task.failure = commitFailed;
                }
            }
        } catch (Error e) {
            for (QueuedWrite<?> task : batch) {
                task.result.completeExceptionally(e);
            }
            throw e;
        }
        for (QueuedWrite<?> task : batch) {
            task.finish();
        }
    }

    /** The end of the run of tasks from {@code from} that one {@link Batched} writes together. */
    private static int sameBatched(List<QueuedWrite<?>> batch, int from) {
        Batched<?> batched = batch.get(from).batched;
        int to = from + 1;
        while (batched != null && to < batch.size() && batch.get(to).batched == batched) {
            to++;
        }
        return to;
    }

    /** Writes the tasks' items in one call and one savepoint; false (and undone) when that failed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean runTogether(List<QueuedWrite<?>> tasks) {
        var items = new ArrayList<>(tasks.size());
        for (QueuedWrite<?> task : tasks) {
            items.add(task.item);
        }
        Batched writer = tasks.get(0).batched;
        try {
            inSavepoint(() -> writer.writeAll(items));
            return true;
        } catch (RuntimeException e) {
            // Undone to its savepoint: each item again on its own, so only the failing ones fail.
            log.debug("Writing {} items together failed, writing them one by one: {}", items.size(), e.toString());
            return false;
        }
    }

    private void runAlone(QueuedWrite<?> task) {
        try {
            inSavepoint(task::run);
        } catch (RuntimeException e) {
            // Rolled back to its savepoint; the others go on.
            task.failure = e;
        }
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

    /**
     * Runs work in a savepoint. When it fails, what it registered to run after the commit goes with
     * it: the transaction still commits its neighbours, and a webhook wake-up or a counted SLA breach
     * of work that was undone must not follow.
     */
    private void inSavepoint(Runnable work) {
        List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
        try {
            savepoint.executeWithoutResult(s -> work.run());
        } catch (RuntimeException e) {
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.initSynchronization();
            before.forEach(TransactionSynchronizationManager::registerSynchronization);
            throw e;
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
