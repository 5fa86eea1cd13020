package org.supportdesk.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.tickets.TicketImports;

/**
 * An import's one transaction, on a thread of its own, storing the batches the reading thread
 * hands it: the reader validates and classifies the next batch while this one stores the last (on
 * SQLite each is about half of the cost of a row). It commits after a complete read and rolls back
 * otherwise; either way the answer waits for it, so a refused file is gone from the store when the
 * 400 goes out.
 */
final class ImportTransaction {

    // Batches waiting for the store: enough to ride out a slow batch, few enough that memory does
    // not depend on the file.
    private static final int QUEUED_BATCHES = 2;

    private final TicketImports tickets;
    private final ArrayBlockingQueue<TicketImports.Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    // Handed over last: commit, or roll back when the read did not complete.
    private final TicketImports.Batch commit;
    private final TicketImports.Batch rollBack;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ImportProgress progress;
    // Set by the reader before it hands over the commit: runs in the transaction, last.
    private volatile Runnable beforeCommit = () -> {};

    ImportTransaction(TicketImports tickets, Database db, ImportProgress progress) {
        this.tickets = tickets;
        this.progress = progress;
        this.commit = tickets.batch(Actor.ANONYMOUS, false);
        this.rollBack = tickets.batch(Actor.ANONYMOUS, false);
        var thread = new Thread(
                () -> {
                    try {
                        db.write(this::storeAll);
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                "import-store");
        thread.setDaemon(true);
        thread.start();
    }

    private Void storeAll() {
        try {
            TicketImports.Writer writer = tickets.writer();
            for (TicketImports.Batch next = queue.take(); next != commit; next = queue.take()) {
                if (next == rollBack) {
                    throw new ReadIncomplete();
                }
                writer.store(next);
                progress.stored(next.size());
            }
            writer.finish();
            beforeCommit.run();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing an import", e);
        }
    }

    /** Queues a batch; waits while the store is behind, and fails as soon as the store has. */
    void handOff(TicketImports.Batch next) {
        if (next.size() == 0 && next != commit && next != rollBack) {
            return;
        }
        try {
            while (!queue.offer(next, 50, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    rethrow(done);
                    throw new IllegalStateException("The import's transaction ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        }
    }

    /** Work for the import's transaction after the last batch, before it commits (a job's record). */
    void beforeCommit(Runnable work) {
        this.beforeCommit = work;
    }

    void finish(boolean complete) {
        if (!done.isDone()) {
            handOff(complete ? commit : rollBack);
        }
        try {
            done.join();
        } catch (CompletionException e) {
            if (complete || !(e.getCause() instanceof ReadIncomplete)) {
                rethrow(done);
            }
        }
    }

    private static void rethrow(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Rolls the import's transaction back when the file could not be read to its end. */
    private static final class ReadIncomplete extends RuntimeException {
        ReadIncomplete() {
            super("The import file could not be read to its end", null, false, false);
        }
    }
}
