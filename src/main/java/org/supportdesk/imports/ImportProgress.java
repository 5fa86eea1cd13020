package org.supportdesk.imports;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An import's counters as it runs, read by another thread (a background job's `GET /imports/{id}`),
 * and the way to cancel it: the reader checks {@link #checkNotCancelled} at every record, and a
 * cancelled import rolls back like a broken file, so nothing is stored.
 */
class ImportProgress {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsFailed = new AtomicLong();
    final AtomicLong rowsStored = new AtomicLong();
    private volatile boolean cancelled;

    /** Thrown in the reading thread of a cancelled import: its transaction rolls back. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("The import was cancelled", null, false, false);
        }
    }

    void read() {
        rowsRead.incrementAndGet();
    }

    void failed() {
        rowsFailed.incrementAndGet();
    }

    void stored(int n) {
        rowsStored.addAndGet(n);
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void checkNotCancelled() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /** Runs in the import's transaction after its last batch; a job records itself here. */
    void beforeCommit(ImportResult result) {}
}
