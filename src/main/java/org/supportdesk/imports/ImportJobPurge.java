package org.supportdesk.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;
import org.supportdesk.system.Dialect;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps background imports that are over for {@code supportdesk.import-job-retention} (7 days by
 * default) and then deletes them: at start and every hour, each instance deletes the state files
 * of its own data directory (a job's file is on the disk of the instance that ran it) and, a few
 * hundred rows at a time, the rows in `import_jobs` and `import_job_states` of any instance's
 * jobs, so that the rows of an instance that is gone for good go too. A job still queued or running
 * is never deleted, however old. On PostgreSQL two instances purging at once skip each other's
 * rows rather than wait for them. The instances never disagree about a job that is over: on
 * PostgreSQL each answers it from its rows, never from a file, so that once any instance's purge
 * deleted them the job is gone for all (the files go at their instance's next purge).
 *
 * <p>The age is this instance's clock against the job's end as the instance that ended it timed it
 * (in the state file, `import_jobs.finished_at` and `import_job_states.finished_at` alike): the
 * instances' clocks may be seconds or minutes apart, nothing against days.
 */
@Component
@EnableConfigurationProperties(ImportJobSettings.class)
class ImportJobPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportJobPurge.class);
    static final Duration EVERY = Duration.ofHours(1);
    /**
     * Rows deleted per transaction. On SQLite the writer is everybody's: a batch of 500 of 10,000
     * old jobs held it 4 ms (median, 21 ms at the 90th percentile, on the shared machine at load 11
     * to 15; 5,000 held it 95 ms), and a request's write queued behind it waits no longer
     * (docs/WORKSPACE.md).
     */
    static final int BATCH = 500;

    private final ImportJobs jobs;
    private final ImportJobRecords records;
    private final ImportJobStates states;
    /** PostgreSQL's: jobs of instances that stopped are given their verdict here too. */
    private final boolean shared;

    private final Database db;
    private final Clock clock;
    private final Duration retention;
    private volatile ScheduledExecutorService scheduler;

    ImportJobPurge(
            ImportJobs jobs,
            JdbcClient jdbc,
            JsonMapper json,
            Database db,
            Dialect dialect,
            Clock clock,
            ImportJobSettings settings) {
        this.jobs = jobs;
        this.records = new ImportJobRecords(jdbc, json, dialect);
        this.states = new ImportJobStates(jdbc, json, dialect);
        this.shared = dialect.isSharedByInstances();
        this.db = db;
        this.clock = clock;
        this.retention = settings.importJobRetention();
    }

    /** What one purge deleted: the jobs of this instance's disk, and rows of any instance's jobs. */
    record Purged(int files, int rows) {}

    /** Deletes the jobs over for longer than the retention; returns once all of them are gone. */
    synchronized Purged purge() {
        Instant before = clock.instant().minus(retention);
        int files = jobs.deleteFilesOfJobsOverBefore(before);
        int rows = 0;
        if (shared) {
            failStopped();
        }
        // On SQLite only the ends that jobs' state files could not take (ImportJobStates.insertEnd).
        if (states.anyOverBefore(before)) {
            for (int n = BATCH; n == BATCH; rows += n) {
                n = db.write(() -> states.deleteOverBefore(before, BATCH));
            }
        }
        if (records.anyFinishedBefore(before)) {
            // On PostgreSQL fewer than a batch also means another instance is deleting the rest.
            for (int n = BATCH; n == BATCH; rows += n) {
                n = db.write(() -> records.deleteFinishedBefore(before, BATCH));
            }
        }
        return new Purged(files, rows);
    }

    /**
     * Jobs of instances that stopped and that nobody looked up: failed now, as a look-up would fail
     * them (SharedImportJobs), so that they are over and go in their turn.
     */
    private void failStopped() {
        for (UUID id : states.notRecordedFor(SharedImportJobs.STOPPED_AFTER, BATCH)) {
            jobs.find(id);
        }
    }

    private void scheduled() {
        try {
            Purged purged = purge();
            if (purged.files() > 0 || purged.rows() > 0) {
                log.info(
                        "Purged {} import jobs over for more than {} from this instance's disk, {} rows",
                        purged.files(),
                        retention,
                        purged.rows());
            }
        } catch (RuntimeException e) {
            // The database away for a moment, say: the next hour's purge deletes what this one left.
            ScheduledExecutorService running = scheduler;
            if (running != null && !running.isShutdown()) {
                log.warn("Purging old import jobs failed: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "import-job-purge");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scheduled, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
