package org.supportdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Conflict;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.MalformedRequest;
import org.supportdesk.system.StorageFull;

/**
 * One background import of {@link ImportJobs} while it waits or runs on this instance: its state as
 * it goes, its progress, and the work its thread does, recorded in its file at each step and, for
 * the other instances, in the database ({@link SharedImportJobs}). Its end stays here, answered
 * from memory, until both have it ({@link ImportJobEnd}).
 */
final class ImportJobRun {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRun.class);
    private static final String UNKNOWN = "The import failed as it committed, and the database could not tell whether"
            + " its tickets were stored (logged with the job's id): look for them before sending the file again";

    private final ImportService imports;
    private final ImportJobFiles files;
    private final SharedImportJobs shared;
    private final Clock clock;
    private final ImportJobs.Spooled upload;
    private final Actor actor;
    private final ImportProgress progress;
    private volatile ImportJob job;
    private volatile Future<?> run;
    private volatile Runnable whenDone;
    /**
     * Taken once, by the runner's thread as it starts the job or by a cancel before that: whoever
     * takes it finishes the job. The runner's Future cannot tell: it says "cancelled" of a task
     * that is running, whose thread then goes on and finishes the job a second time.
     */
    private final AtomicBoolean started = new AtomicBoolean();
    /** Set in the import's transaction as it is about to commit: from there on the database tells. */
    private volatile boolean reachedCommit;
    /** The job's end, once it is over, until its file and the database have it. */
    private volatile ImportJobEnd end;

    ImportJobRun(
            ImportJob job,
            ImportJobs.Spooled upload,
            Actor actor,
            ImportService imports,
            ImportJobFiles files,
            SharedImportJobs shared,
            Clock clock) {
        this.job = job;
        this.upload = upload;
        this.actor = actor;
        this.imports = imports;
        this.files = files;
        this.shared = shared;
        this.clock = clock;
        this.progress = new ImportProgress() {
            @Override
            void beforeCommit(ImportResult result) {
                reachedCommit = true;
                // In the import's transaction: the record and the tickets commit together.
                shared.committing(
                        ImportJobRun.this.job.progressed(this).with(ImportJob.FINISHED, clock.instant(), result, null));
            }
        };
    }

    /**
     * A job the restart ended (it was queued or running when the service stopped) whose state file
     * could not take its end ({@link ImportJobRestart}): kept, like the end of a run, until
     * {@link #recordEnd} has written it.
     */
    static ImportJobRun endedBeforeTheStart(
            ImportJob done, ImportJobFiles files, SharedImportJobs shared, Clock clock) {
        var run = new ImportJobRun(done, null, null, null, files, shared, clock);
        // Never to run, nor to be cancelled: it is over.
        run.started.set(true);
        run.end = new ImportJobEnd(done, files, shared);
        return run;
    }

    /** The job as it stands; while it is not done, with the progress made so far. */
    ImportJob job() {
        ImportJob current = job;
        return current.done() ? current : current.progressed(progress);
    }

    /** Queues the import on {@code runner}; {@code whenDone} runs on its thread once the job is done. */
    void submit(ExecutorService runner, Runnable whenDone) {
        this.whenDone = whenDone;
        run = runner.submit(() -> {
            if (started.compareAndSet(false, true)) {
                try {
                    run();
                } finally {
                    whenDone.run();
                }
            }
        });
    }

    /**
     * Asks the import to stop: a running one stops at its next record and rolls back; a queued one
     * is cancelled at once rather than when the jobs before it are over.
     */
    void requestCancel() {
        progress.cancel();
        Future<?> queued = run;
        // Null only before submit(): the runner then finds the flag first thing.
        if (queued != null && started.compareAndSet(false, true)) {
            // It had not started, and never will: its thread is not there to finish it.
            queued.cancel(false);
            finish(ImportJob.CANCELLED, null, "Cancelled before it started; nothing was stored");
            files.deleteUpload(upload.id());
            whenDone.run();
        }
    }

    /** Asks the import to stop and waits (a minute at most) for its rollback. */
    void cancel() {
        requestCancel();
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (CancellationException e) {
            // Cancelled before it started: finished above.
        } catch (TimeoutException e) {
            // Still rolling back; GET shows "cancelled" once done.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Recorded by run().
        }
    }

    private void run() {
        UUID id = upload.id();
        try {
            if (progress.cancelled()) {
                finish(ImportJob.CANCELLED, null, "Cancelled before it started; nothing was stored");
                return;
            }
            job = job.with(ImportJob.RUNNING, null, null, null);
            // Neither is needed for the import: the end is written again until it is recorded.
            files.saved(job);
            shared.recorded(job);
            try (InputStream in = new CountingInputStream(Files.newInputStream(files.upload(id)), progress)) {
                ImportResult result = imports.importFile(
                        null,
                        new ImportService.Upload(upload.fileName(), upload.contentType(), in),
                        job.dryRun(),
                        job.autoClassify(),
                        actor,
                        progress);
                finish(ImportJob.FINISHED, result, null);
            }
        } catch (ImportProgress.Cancelled e) {
            finish(ImportJob.CANCELLED, null, "Cancelled; nothing was stored");
        } catch (MalformedRequest | InvalidRequest | StorageFull | Conflict e) {
            // Their messages are written for the user, as the same failures of a request's are.
            finish(ImportJob.FAILED, null, e.getMessage() + "; nothing was stored");
        } catch (IOException | RuntimeException e) {
            // Anything else is ours, not the file's: the log has it, the user gets where to look
            // rather than the name of a class.
            log.warn("Import job {} failed", id, e);
            failedOnTheService(id);
        } finally {
            files.deleteUpload(id);
        }
    }

    /**
     * The import failed on an error of the service. Before its commit nothing was stored; once it
     * reached its commit, the database says whether the commit happened (a commit whose answer was
     * lost with the connection), not the error: a job told "failed" whose tickets are stored is
     * sent again, and its tickets are stored twice.
     */
    private void failedOnTheService(UUID id) {
        if (reachedCommit) {
            Optional<ImportJobRecords.Committed> committed;
            try {
                committed = shared.committed(id);
            } catch (RuntimeException e) {
                log.warn("Cannot tell whether import job {} committed", id, e);
                finish(ImportJob.FAILED, null, UNKNOWN);
                return;
            }
            if (committed.isPresent()) {
                ended(job.with(
                        ImportJob.FINISHED,
                        committed.get().finishedAt(),
                        committed.get().result(),
                        null));
                return;
            }
        }
        finish(
                ImportJob.FAILED,
                null,
                "The import failed on an error of the service (logged with the job's id); nothing was stored");
    }

    private void finish(String state, ImportResult result, String detail) {
        ended(job.progressed(progress).with(state, clock.instant(), result, detail));
    }

    /** The job is over (once: see started): so it is answered from now on, recorded or not yet. */
    private void ended(ImportJob done) {
        var over = new ImportJobEnd(done, files, shared);
        end = over;
        job = done;
        over.record();
    }

    /** Records the job's end where it is not yet ({@link ImportJobEnd#record}): whether its file and the database have it now. */
    boolean recordEnd() {
        ImportJobEnd over = end;
        return over != null && over.record();
    }

    /** Whether the job is over and its end recorded, in its file and the database. */
    boolean endRecorded() {
        ImportJobEnd over = end;
        return over != null && over.recorded();
    }
}
