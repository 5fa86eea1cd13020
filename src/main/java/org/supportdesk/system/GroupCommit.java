package org.supportdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQLite's single writer, for {@link Database}.
 *
 * <p>SQLite has one writer at a time, and every commit writes each page it touched to the WAL. So
 * writes go to a single writer thread that commits whatever has queued up meanwhile in one
 * transaction (group commit), each piece of work in a savepoint of its own so that one failure does
 * not undo its neighbours. A caller's answer waits for the commit, so nothing acknowledged is lost;
 * under load a commit carries dozens of requests instead of one.
 *
 * <p>Items of one {@link Database.Batched} queued next to each other are written by one call of it,
 * so they share its statements (one multi-row insert instead of one insert per request).
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 256;

    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final LinkedBlockingQueue<QueuedWrite<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** SQLite's write-ahead log, kept bounded between commits; null unless on a {@link SqliteDataSource}. */
    private final SqliteWal wal;

    private volatile boolean closed;
    /** Set when the writer thread has left its loop: from then on a queued write is failed at once. */
    private volatile boolean stopped;

    GroupCommit(TransactionTemplate tx, SqliteWal wal) {
        this.tx = tx;
        this.savepoint = new TransactionTemplate(tx.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.wal = wal;
        this.writer = new SqliteDataSource.WriterThread(this::writeLoop);
        writer.start();
    }

    /** True on the writer thread itself, whose writes join the transaction it is committing. */
    boolean onWriterThread() {
        return Thread.currentThread() == writer;
    }

    /** Writes waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    /** Queues {@code task} for the writer thread and returns its answer once it is committed. */
    <T> T await(QueuedWrite<T> task) {
        if (closed) {
            throw shuttingDown();
        }
        queue.add(task);
        if (stopped) {
            // Closed while this was being queued, and the writer has left: nobody will write it.
            failQueued();
        }
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
        try {
            var batch = new ArrayList<QueuedWrite<?>>();
            for (QueuedWrite<?> first = next(); first != null; first = next()) {
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
                if (wal != null) {
                    wal.afterCommit();
                }
            }
        } finally {
            stopped = true;
            failQueued();
        }
    }

    /**
     * The next write: waited for while open; once closed, what is still queued, without waiting,
     * and null when nothing is left. Writes queued before the close are written, not dropped.
     */
    private QueuedWrite<?> next() {
        while (true) {
            if (closed) {
                // The interrupt only woke the thread up: cleared, so that it cannot fail the writes
                // still to come (a connection pool refuses an interrupted thread).
                Thread.interrupted();
                return queue.poll();
            }
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Closing: the loop above takes what is left.
            }
        }
    }

    /** Fails the writes nobody will write any more, so that no caller waits for ever. */
    private void failQueued() {
        for (QueuedWrite<?> task = queue.poll(); task != null; task = queue.poll()) {
            task.result.completeExceptionally(shuttingDown());
        }
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("Database is shutting down");
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

    /** The end of the run of tasks from {@code from} that one {@link Database.Batched} writes together. */
    private static int sameBatched(List<QueuedWrite<?>> batch, int from) {
        Database.Batched<?> batched = batch.get(from).batched;
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
        Database.Batched writer = tasks.get(0).batched;
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

    /**
     * Stops taking writes and waits (10 s at most) for the writer thread to write what was queued
     * before and to end.
     */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
