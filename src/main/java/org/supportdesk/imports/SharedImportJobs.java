package org.supportdesk.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs as every instance sharing the database sees them. A job runs on the instance
 * that accepted its upload (the file is on that instance's disk); behind a load balancer the
 * client's next request may reach another one. So on PostgreSQL the running instance records each
 * of its jobs in `import_job_states` when it is queued, {@link #RECORD_EVERY every second} while it
 * waits or runs, and when it is over, and another instance answers GET from that row and asks for a
 * cancel through it. On SQLite (one instance) the instance's own memory and files are the whole
 * truth and nothing is written here; committed results are in `import_jobs` on both.
 */
final class SharedImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedImportJobs.class);

    /** How often the running instance records its jobs' progress and looks for cancels asked elsewhere. */
    static final Duration RECORD_EVERY = Duration.ofSeconds(1);
    /**
     * A job whose row has not changed for this long, by the database's clock, belongs to an instance
     * that stopped (kill -9, a lost machine): sixty missed records, far more than a pause of a
     * healthy instance.
     */
    static final Duration STOPPED_AFTER = Duration.ofMinutes(1);
    /** How long a cancel asked for on another instance waits for the rollback, as a local one does. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);

    private final ImportJobStates states;
    private final ImportJobRecords records;
    private final Clock clock;
    /** Null on SQLite: nothing is shared. */
    private final ScheduledExecutorService recorder;

    SharedImportJobs(boolean shared, ImportJobStates states, ImportJobRecords records, Clock clock) {
        this.states = states;
        this.records = records;
        this.clock = clock;
        this.recorder = shared
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    var thread = new Thread(r, "import-job-states");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    /** Starts recording the jobs of this instance that are not over. */
    void recordEverySecond(Supplier<Collection<ImportJobRun>> live) {
        if (recorder != null) {
            long every = RECORD_EVERY.toMillis();
            recorder.scheduleWithFixedDelay(() -> record(live.get()), every, every, TimeUnit.MILLISECONDS);
        }
    }

    void queued(ImportJob job) {
        if (recorder != null) {
            states.insert(job);
        }
    }

    /**
     * A new state of a job of this instance. A failure is logged, not thrown: the job goes on, and
     * the next record (or the restart's verdict) catches up.
     */
    void recorded(ImportJob job) {
        if (recorder == null) {
            return;
        }
        try {
            states.update(job);
        } catch (RuntimeException e) {
            log.warn("Cannot record import job {} as {} in the database", job.id(), job.state(), e);
        }
    }

    /**
     * In the import's transaction, after its last batch: the result, and the row finished unless
     * another instance asked for a cancel (or declared the job failed) first, in which case the
     * import rolls back as a cancelled one does.
     */
    void committing(ImportJob finished) {
        if (recorder != null
                && !states.finishUnlessCancelled(finished)
                && states.find(finished.id()).map(SharedImportJobs::stopped).orElse(false)) {
            throw new ImportProgress.Cancelled();
        }
        records.insert(finished.id(), finished.finishedAt(), finished.result());
    }

    /** Whether the row tells the running instance to stop: a cancel asked for, or a failed verdict. */
    private static boolean stopped(ImportJobStates.Recorded row) {
        return row.cancelRequested() || row.job().state().equals(ImportJob.FAILED);
    }

    private void record(Collection<ImportJobRun> runs) {
        for (ImportJobRun run : runs) {
            ImportJob job = run.job();
            if (job.done()) {
                continue;
            }
            try {
                states.update(job);
                // A row declared failed elsewhere stops the job too, so that nothing gets stored of a
                // job others were told "nothing was stored" of. Any other row that is over belongs
                // to a job that ended here since the look above.
                if (states.find(job.id()).map(SharedImportJobs::stopped).orElse(false)) {
                    run.requestCancel();
                }
            } catch (RuntimeException e) {
                log.warn("Cannot record the progress of import job {}", job.id(), e);
            }
        }
    }

    /**
     * Whether the jobs are shared through the database (PostgreSQL): then the database, not this
     * instance's disk, answers for a job that is not running here.
     */
    boolean isShared() {
        return recorder != null;
    }

    /**
     * What became of a job of this instance that its state file says was queued or running when the
     * service stopped: finished, at its commit's time, if its import committed; failed if it did
     * not; empty if that can no longer be told because the retention took the job's rows
     * ({@link ImportJobPurge}), so that the job is gone, as it is for every other instance. The
     * rows, not the file, say so: the commit writes them in the import's transaction, the file
     * only after it, so a crash in between leaves a file that says running.
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
        if (recorder != null) {
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
        } else if (job.createdAt().isBefore(purgedBefore)) {
            // SQLite: a commit's record is no older than its job, so only a job this old can have
            // lost its record to the purge (its file not written after the commit, say, and the
            // instance running on past the retention): whether anything was stored is unknown,
            // and the job is past the retention either way.
            return Optional.empty();
        }
        ImportJob failed = job.with(
                ImportJob.FAILED, now, null, "The service stopped before the import finished; nothing was stored");
        recorded(failed);
        return Optional.of(failed);
    }

    /**
     * A job not running on this instance, as its instance last recorded it (on PostgreSQL); or one
     * that committed before V15.
     */
    Optional<ImportJob> find(UUID id) {
        if (recorder != null) {
            Optional<ImportJobStates.Recorded> recorded = states.find(id);
            if (recorded.isPresent()) {
                return Optional.of(verdict(recorded.get()));
            }
        }
        return records.committed(id).map(committed -> ImportJob.finishedElsewhere(id, committed.result()));
    }

    /**
     * The job as recorded, unless its instance stopped recording it: then it failed. How long ago it
     * was recorded is the database's clock against itself: an instance whose clock is minutes off
     * this one's neither fails a live job nor keeps a dead one.
     */
    private ImportJob verdict(ImportJobStates.Recorded recorded) {
        ImportJob job = recorded.job();
        if (job.done() || recorded.ageMillis() < STOPPED_AFTER.toMillis()) {
            return job;
        }
        Instant now = clock.instant();
        // Its import had not committed: that would have recorded it finished, in the same
        // transaction as its tickets. The conditional update makes one verdict win, and on
        // PostgreSQL it waits for a commit under way and then finds the job finished.
        ImportJob failed = job.with(
                ImportJob.FAILED,
                now,
                null,
                "The instance running the import stopped recording it at " + Instant.ofEpochMilli(recorded.updatedAt())
                        + " (it stopped, or lost the database); nothing was stored");
        if (states.failUnchangedSince(failed, recorded.updatedAt())) {
            log.warn(
                    "Import job {} was not recorded since {}: failed",
                    job.id(),
                    Instant.ofEpochMilli(recorded.updatedAt()));
            return failed;
        }
        return states.find(job.id()).map(ImportJobStates.Recorded::job).orElse(job);
    }

    /**
     * Asks the instance running a job to cancel it and waits (a minute at most) until it is over.
     * Nothing to do when there is no row to ask through or the job is over already.
     */
    void cancel(UUID id) {
        if (recorder == null || !states.requestCancel(id)) {
            return;
        }
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (true) {
            Optional<ImportJob> job = find(id);
            if (job.isEmpty() || job.get().done() || System.nanoTime() > deadline) {
                return;
            }
            try {
                // The running instance looks every second: a few looks per second here are enough.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (recorder != null) {
            recorder.shutdownNow();
        }
    }
}
