package org.supportdesk.imports;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a restart makes of the jobs in this instance's state files. A job that was queued or running
 * when the service stopped is finished (its record), failed, or deleted if the retention took its
 * rows meanwhile ({@link #afterStop}). On PostgreSQL a job that is over in its file but still open
 * in the database (its end could not be recorded there, the database away, before the service
 * stopped) has its end recorded now. On SQLite a job cancelled or failed while its file could not
 * say so has its end in the database ({@link SqliteImportJobEnds}).
 */
final class ImportJobRestart {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRestart.class);

    private final ImportJobFiles files;
    private final SharedImportJobs shared;
    private final ImportJobRecords records;
    private final ImportJobStates states;

    ImportJobRestart(ImportJobFiles files, SharedImportJobs shared, ImportJobRecords records, ImportJobStates states) {
        this.files = files;
        this.shared = shared;
        this.records = records;
        this.states = states;
    }

    /**
     * Ends the jobs the stop cut off: the ends their state files could not take (a full disk), which
     * the service keeps and writes later, as it does a run's ({@link ImportJobRun#recordEnd}). A
     * file that cannot be written never stops the service from starting.
     */
    List<ImportJob> run(Instant now, Instant purgedBefore) {
        List<ImportJob> all = files.all();
        var unwritten = new ArrayList<ImportJob>();
        for (ImportJob job : all) {
            if (job.done()) {
                continue;
            }
            Optional<ImportJob> after = afterStop(job, now, purgedBefore);
            if (after.isPresent()) {
                log.warn(
                        "Import job {} was {} when the service stopped: now {}",
                        job.id(),
                        job.state(),
                        after.get().state());
                if (!files.saved(after.get())) {
                    unwritten.add(after.get());
                }
            } else {
                deletePastTheRetention(job);
            }
        }
        if (shared.isShared()) {
            recordEnds(all);
        }
        return unwritten;
    }

    private void deletePastTheRetention(ImportJob job) {
        try {
            files.delete(job.id());
            log.warn(
                    "Import job {} was {} when the service stopped, and is past the retention: deleted",
                    job.id(),
                    job.state());
        } catch (UncheckedIOException e) {
            log.warn(
                    "Import job {} is past the retention but cannot be deleted ({}): at the next start",
                    job.id(),
                    e.toString());
        }
    }

    /**
     * Records in the database the ends of jobs over in their files whose rows are still open. Left
     * so, every instance would go on answering them queued or running until, a minute on, one
     * declared them failed because their instance "stopped recording" them: a cancelled job too,
     * and with the wrong reason. The open rows are few (jobs waiting or running on any instance),
     * so they are read at once rather than one look per file.
     */
    private void recordEnds(List<ImportJob> jobs) {
        Set<UUID> open = new HashSet<>(states.open());
        for (ImportJob job : jobs) {
            if (job.done() && open.contains(job.id()) && shared.recorded(job)) {
                log.warn(
                        "Import job {} was {} before the service stopped, not yet in the database: recorded now",
                        job.id(),
                        job.state());
            }
        }
    }

    /**
     * What became of a job of this instance that its state file says was queued or running when the
     * service stopped: finished, at its commit's time, if its import committed; failed if it did
     * not; empty if that can no longer be told because the retention took the job's rows
     * ({@link ImportJobPurge}), so that the job is gone, as it is for every other instance. The
     * rows, not the file, say so: the commit writes them in the import's transaction, the file
     * only after it, so a crash in between (or a file that could not be written) leaves a file
     * that says running.
     */
    Optional<ImportJob> afterStop(ImportJob job, Instant now, Instant purgedBefore) {
        Optional<ImportJobRecords.Committed> committed = records.committed(job.id());
        if (committed.isPresent()) {
            return Optional.of(job.with(
                    ImportJob.FINISHED,
                    committed.get().finishedAt(),
                    committed.get().result(),
                    null));
        }
        if (shared.isShared()) {
            Optional<ImportJobStates.Recorded> row = states.find(job.id());
            if (row.isEmpty()) {
                // The row is written before the file, and only a purge deletes it, once the job is
                // over (committed, perhaps, its record purged with it) and older than the retention.
                return Optional.empty();
            }
            if (row.get().job().done()) {
                // Over already: another instance's verdict, or the commit's.
                return Optional.of(row.get().job());
            }
            // Still open: not committed, since the commit marks the row finished.
        } else {
            Optional<ImportJob> end = states.end(job.id());
            if (end.isPresent()) {
                // SQLite: cancelled or failed while its file could not say so (SqliteImportJobEnds).
                return end;
            }
            if (job.createdAt().isBefore(purgedBefore)) {
                // SQLite: a commit's record is no older than its job, so only a job this old can
                // have lost its record to the purge (its file not written after the commit, say, and
                // the instance running on past the retention): whether anything was stored is
                // unknown, and the job is past the retention either way.
                return Optional.empty();
            }
        }
        ImportJob failed = job.with(
                ImportJob.FAILED, now, null, "The service stopped before the import finished; nothing was stored");
        shared.recorded(failed);
        return Optional.of(failed);
    }
}
