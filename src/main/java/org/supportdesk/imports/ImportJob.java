package org.supportdesk.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * A background import as `GET /imports/{id}` shows it. While the job runs, {@code rowsStored}
 * counts the valid rows written into the import's transaction: they become visible all at once
 * when the job is finished. A failed or cancelled job stored nothing and says 0; its rows read and
 * failed say how far it got.
 *
 * @param state queued, running, finished, failed or cancelled
 * @param result the import's result (as `POST /tickets/import` answers it) once finished
 * @param detail why it failed or was cancelled
 */
public record ImportJob(
        UUID id,
        String state,
        String fileName,
        boolean dryRun,
        boolean autoClassify,
        long bytesTotal,
        long bytesRead,
        long rowsRead,
        long rowsStored,
        long rowsFailed,
        Instant createdAt,
        Instant finishedAt,
        ImportResult result,
        String detail) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean done() {
        return state.equals(FINISHED) || state.equals(FAILED) || state.equals(CANCELLED);
    }

    /** Percent of the file read, 0 to 100. */
    public int percent() {
        if (state.equals(FINISHED)) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }

    /** A job that finished on another instance sharing the database: only its result is known here. */
    static ImportJob finishedElsewhere(UUID id, ImportResult result) {
        return new ImportJob(
                id,
                FINISHED,
                null,
                false,
                false,
                0,
                0,
                result.total(),
                result.successCount(),
                result.errorCount(),
                null,
                null,
                result,
                null);
    }

    ImportJob with(String newState, Instant at, ImportResult newResult, String newDetail) {
        return new ImportJob(
                id,
                newState,
                fileName,
                dryRun,
                autoClassify,
                bytesTotal,
                newResult != null ? bytesTotal : bytesRead,
                newResult != null ? newResult.total() : rowsRead,
                storedWhen(newState, newResult),
                newResult != null ? newResult.errorCount() : rowsFailed,
                createdAt,
                at,
                newResult,
                newDetail);
    }

    /**
     * What the store holds of the job once it is in {@code newState}: a failed or cancelled job rolled
     * back whatever it had written (rows read and failed still say how far it got).
     */
    private long storedWhen(String newState, ImportResult newResult) {
        if (newResult != null) {
            return dryRun ? 0 : newResult.successCount();
        }
        return newState.equals(FAILED) || newState.equals(CANCELLED) ? 0 : rowsStored;
    }

    ImportJob progressed(ImportProgress p) {
        return new ImportJob(
                id,
                state,
                fileName,
                dryRun,
                autoClassify,
                bytesTotal,
                Math.min(bytesTotal, p.bytesRead.get()),
                p.rowsRead.get(),
                p.rowsStored.get(),
                p.rowsFailed.get(),
                createdAt,
                finishedAt,
                result,
                detail);
    }
}
