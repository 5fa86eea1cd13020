package org.supportdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.system.Dialect;
import org.supportdesk.system.SupportdeskProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background imports (`POST /imports` and the workspace's import screen): the upload is spooled to
 * this instance's disk, answered with a job id at once, and imported on a thread of its own, one
 * job at a time, with the same service and the same one transaction as `POST /tickets/import`. The
 * job's completion is recorded in that transaction (table import_jobs), so after a crash a job is
 * either finished, tickets and record together, or failed with nothing stored (or gone, when the
 * retention took its rows meanwhile). Other instances on the same PostgreSQL follow and cancel it
 * through the database ({@link SharedImportJobs}), and there every instance, this one too once the
 * job no longer runs here, answers from the database: the files are this instance's own. A job
 * whose end could not be recorded yet (its file, or its row on PostgreSQL) is kept and answered
 * here until it is, tried again every second on PostgreSQL and at every purge. A job that is over
 * is kept for `supportdesk.import-job-retention` ({@link ImportJobPurge}).
 */
@Service
public class ImportJobs implements SmartInitializingSingleton, DisposableBean {

    private final ImportService imports;
    private final SharedImportJobs shared;
    private final ImportJobRestart restart;
    private final Clock clock;
    private final ImportJobFiles files;
    private final Duration retention;
    private final ConcurrentHashMap<UUID, ImportJobRun> live = new ConcurrentHashMap<>();
    private final ImportUploads uploads;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "import-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** An upload on disk, waiting for a preview or a job. */
    public record Spooled(UUID id, String fileName, String contentType, long size) {}

    ImportJobs(
            ImportService imports,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            SupportdeskProperties properties,
            Dialect dialect,
            Database db,
            ImportJobSettings settings) {
        this.imports = imports;
        var states = new ImportJobStates(jdbc, json, dialect);
        var records = new ImportJobRecords(jdbc, json, dialect);
        var sqliteEnds = new SqliteImportJobEnds(states, db);
        this.shared = new SharedImportJobs(dialect.isSharedByInstances(), states, records, sqliteEnds, clock);
        this.clock = clock;
        this.files = new ImportJobFiles(properties.dataDir().resolve("import-jobs"), json);
        this.restart = new ImportJobRestart(files, shared, records, states);
        this.uploads = new ImportUploads(files, live::containsKey, clock);
        this.retention = settings.importJobRetention();
    }

    /** After a restart: what became of the jobs that were not over, or not recorded as over ({@link ImportJobRestart}). */
    @Override
    public void afterSingletonsInstantiated() {
        files.deleteUploadsOlderThan(0, id -> false);
        Instant now = clock.instant();
        for (ImportJob unwritten : restart.run(now, now.minus(retention))) {
            live.put(unwritten.id(), ImportJobRun.endedBeforeTheStart(unwritten, files, shared, clock));
        }
        shared.recordEverySecond(() -> {
            recordEnds();
            shared.recordProgress(live.values());
        });
    }

    /**
     * The jobs over whose end could not be recorded when they ended (their file, or their row):
     * recorded now if it can be, and then answered from there rather than from memory.
     */
    void recordEnds() {
        for (ImportJobRun run : live.values()) {
            if (run.job().done() && run.recordEnd()) {
                live.remove(run.job().id(), run);
            }
        }
    }

    /** Writes an upload to disk; the answer names it for {@link #preview} and {@link #start}. */
    public Spooled spool(InputStream body, String fileName, String contentType) {
        return uploads.spool(body, fileName, contentType);
    }

    /** The upload as the request has it: multipart field `file`, or the raw body. */
    public Spooled spool(jakarta.servlet.http.HttpServletRequest request) {
        return uploads.spool(request);
    }

    /** A spooled upload of this instance, still waiting for its job. */
    public Optional<Spooled> spooled(UUID id) {
        return uploads.waiting(id);
    }

    /** A dry run of the spooled file, now: counts and the first row errors, nothing stored. */
    public ImportResult preview(Spooled upload, boolean autoClassify, Actor actor) {
        try (InputStream in = Files.newInputStream(files.upload(upload.id()))) {
            return imports.importFile(
                    null,
                    new ImportService.Upload(upload.fileName(), upload.contentType(), in),
                    true,
                    autoClassify,
                    actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues the spooled file's import; it runs after the jobs before it. */
    public ImportJob start(Spooled upload, boolean dryRun, boolean autoClassify, Actor actor) {
        if (!uploads.taken(upload.id())) {
            throw new ImportUploadGone();
        }
        var job = new ImportJob(
                upload.id(),
                ImportJob.QUEUED,
                upload.fileName(),
                dryRun,
                autoClassify,
                upload.size(),
                0,
                0,
                0,
                0,
                clock.instant(),
                null,
                null,
                null);
        queue(job);
        var run = new ImportJobRun(job, upload, actor, imports, files, shared, clock);
        live.put(job.id(), run);
        run.submit(runner, () -> {
            // Otherwise kept, answered from memory, until recordEnds() records its end.
            if (run.endRecorded()) {
                live.remove(job.id(), run);
            }
        });
        return job;
    }

    /**
     * Records a new job: its row (PostgreSQL), then its state file. Should either fail, nothing of it
     * is left, neither its upload nor a row declared failed a minute later for a job never answered.
     */
    private void queue(ImportJob job) {
        try {
            shared.queued(job);
        } catch (RuntimeException e) {
            files.deleteUpload(job.id());
            throw e;
        }
        try {
            files.save(job);
        } catch (UncheckedIOException e) {
            files.deleteUpload(job.id());
            shared.notQueued(job.id());
            throw new ImportJobNotQueued(e.getCause());
        }
    }

    /**
     * Deletes from this instance's disk the jobs that ended before {@code before} and the uploads
     * left over (previewed, never run), never those of a job still queued or running: how many jobs.
     */
    int deleteFilesOfJobsOverBefore(Instant before) {
        recordEnds();
        uploads.deleteOld();
        return files.deleteOverBefore(before, live::containsKey);
    }

    public Optional<ImportJob> find(UUID id) {
        ImportJobRun run = live.get(id);
        if (run != null) {
            return Optional.of(run.job());
        }
        if (shared.isShared()) {
            // Not from this disk: every instance answers from the same row, so a job purged by any
            // instance's purge is gone for all at once, not only once this one's purge took its file.
            return shared.find(id);
        }
        return files.load(id).or(() -> shared.find(id));
    }

    /**
     * Cancels a waiting or running job and waits for its rollback: nothing of it is stored. A
     * finished job cannot be cancelled (its tickets are there: delete them instead).
     */
    public ImportJob cancel(UUID id) {
        ImportJob job = find(id).orElseThrow(ImportJobNotFound::new);
        if (job.state().equals(ImportJob.CANCELLED)) {
            return job;
        }
        if (job.done()) {
            throw new ImportJobOver(job.state());
        }
        ImportJobRun run = live.get(id);
        if (run != null) {
            run.cancel();
        } else {
            // Running on another instance (or over here since the look above): asked through the
            // database, answered the same.
            shared.cancel(id);
        }
        ImportJob after = find(id).orElseThrow(ImportJobNotFound::new);
        if (after.state().equals(ImportJob.FINISHED)) {
            // It committed before the cancellation reached it.
            throw new ImportJobOver(after.state());
        }
        return after;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        shared.close();
    }
}
