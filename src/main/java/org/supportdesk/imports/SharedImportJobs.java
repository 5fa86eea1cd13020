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
    private final SqliteImportJobEnds sqliteEnds;
    private final Clock clock;
    /** Null on SQLite: nothing is shared. */
    private final ScheduledExecutorService recorder;

    SharedImportJobs(
            boolean shared,
            ImportJobStates states,
            ImportJobRecords records,
            SqliteImportJobEnds sqliteEnds,
            Clock clock) {
        this.states = states;
        this.records = records;
        this.sqliteEnds = sqliteEnds;
        this.clock = clock;
        this.recorder = shared
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    var thread = new Thread(r, "import-job-states");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    /**
     * Runs {@code sweep} every second: it records the jobs of this instance that are not over
     * ({@link #recordProgress}) and the ends that could not be recorded when they came.
     */
    void recordEverySecond(Runnable sweep) {
        if (recorder != null) {
            long every = RECORD_EVERY.toMillis();
            recorder.scheduleWithFixedDelay(sweep, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void queued(ImportJob job) {
        if (recorder != null) {
            states.insert(job);
        }
    }

    /**
     * A job whose row was written but which could not be queued after all (its state file): the row
     * goes. Should that fail too, the row is declared failed once it has not been recorded for
     * {@link #STOPPED_AFTER}, as the row of a stopped instance's job.
     */
    void notQueued(UUID id) {
        if (recorder != null) {
            try {
                states.deleteQueued(id);
            } catch (RuntimeException e) {
                log.warn("Cannot delete the row of import job {}, which was not queued: {}", id, e.toString());
            }
        }
    }

    /**
     * A new state of a job of this instance: whether the database has it now (or needs nothing: on
     * SQLite, or a row over already, whose verdict stands). A failure is logged, not thrown: the
     * job goes on, and the next record catches up; an end is tried again until it is recorded
     * ({@link ImportJobRun#recordEnd}), and after a restart ({@link ImportJobRestart}).
     */
    boolean recorded(ImportJob job) {
        if (recorder == null) {
            return true;
        }
        try {
            states.update(job);
            return true;
        } catch (RuntimeException e) {
            log.warn("Cannot record import job {} as {} in the database: {}", job.id(), job.state(), e.toString());
            return false;
        }
    }

    /** An end its state file could not take: as {@link #recorded}, and on SQLite see {@link SqliteImportJobEnds}. */
    boolean recordedWithoutFile(ImportJob done) {
        return recorder != null ? recorded(done) : sqliteEnds.recorded(done);
    }

    /** The result of a job whose import committed, and when. */
    Optional<ImportJobRecords.Committed> committed(UUID id) {
        return records.committed(id);
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

    /** Records the progress of the jobs of this instance that are not over, and finds cancels asked elsewhere. */
    void recordProgress(Collection<ImportJobRun> runs) {
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
