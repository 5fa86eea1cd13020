package org.supportdesk.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.supportdesk.system.MalformedRequest;

/**
 * The uploads of background imports on this instance's disk ({@link ImportJobFiles#upload}), from
 * the request that sends one until a job takes it (or it was only previewed): written, found again
 * by id, and deleted once older than an hour, unless a job still needs it.
 */
final class ImportUploads {

    private static final Duration KEEP = Duration.ofHours(1);

    private final ImportJobFiles files;
    /** Whether the job of that id still waits or runs: its upload is kept, however old. */
    private final Predicate<UUID> needed;

    private final Clock clock;

    /**
     * The uploads no job has taken yet, with when they came (the service's clock). An entry goes
     * with its file: a preview never confirmed left one here for good, one more with every preview.
     */
    private final ConcurrentHashMap<UUID, Waiting> waiting = new ConcurrentHashMap<>();

    private record Waiting(ImportJobs.Spooled upload, Instant since) {}

    ImportUploads(ImportJobFiles files, Predicate<UUID> needed, Clock clock) {
        this.files = files;
        this.needed = needed;
        this.clock = clock;
    }

    /** Writes an upload to disk; the answer names it for a preview and a job. */
    ImportJobs.Spooled spool(InputStream body, String fileName, String contentType) {
        deleteOld();
        UUID id = UUID.randomUUID();
        try (body) {
            long size = Files.copy(body, files.upload(id), StandardCopyOption.REPLACE_EXISTING);
            var upload = new ImportJobs.Spooled(id, fileName, contentType, size);
            waiting.put(id, new Waiting(upload, clock.instant()));
            return upload;
        } catch (IOException e) {
            files.deleteUpload(id);
            throw new MalformedRequest("Cannot read the upload", e);
        }
    }

    /** The upload as the request has it: multipart field `file`, or the raw body. */
    ImportJobs.Spooled spool(HttpServletRequest request) {
        try {
            ImportService.Upload upload = ImportController.upload(request);
            return spool(upload.body(), upload.fileName(), upload.contentType());
        } catch (IOException e) {
            throw new MalformedRequest("Cannot read the upload", e);
        }
    }

    /**
     * A spooled upload, still waiting for its job: not one past its hour, though the clean-up may
     * not have come by yet, nor one whose file is gone.
     */
    Optional<ImportJobs.Spooled> waiting(UUID id) {
        return Optional.ofNullable(waiting.get(id))
                .filter(w -> !expired(w, clock.instant()) && Files.exists(files.upload(id)))
                .map(Waiting::upload);
    }

    /**
     * The upload is its job's now; false if it was no longer waiting (taken by the clean-up, or by
     * another job: the Import button clicked twice), and then no job may have it.
     */
    boolean taken(UUID id) {
        return waiting.remove(id) != null;
    }

    /**
     * Deletes the uploads older than an hour that no job needs, and forgets them: those that came
     * more than an hour ago by the service's clock, and those whose file is gone anyway. Then the
     * files no entry knows (of jobs over, or of an earlier run), by their time on disk.
     */
    void deleteOld() {
        Instant now = clock.instant();
        waiting.forEach((id, w) -> {
            // Removed before its file is deleted, and only if no job took it meanwhile.
            if ((expired(w, now) || !Files.exists(files.upload(id))) && waiting.remove(id, w)) {
                files.deleteUpload(id);
            }
        });
        files.deleteUploadsOlderThan(KEEP.toMillis(), id -> needed.test(id) || waiting.containsKey(id));
    }

    /** How many uploads wait for a job: bounded by an hour's uploads. */
    int size() {
        return waiting.size();
    }

    private static boolean expired(Waiting w, Instant now) {
        return !now.isBefore(w.since().plus(KEEP));
    }
}
