package org.supportdesk.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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

    private final ConcurrentHashMap<UUID, ImportJobs.Spooled> spooled = new ConcurrentHashMap<>();

    ImportUploads(ImportJobFiles files, Predicate<UUID> needed) {
        this.files = files;
        this.needed = needed;
    }

    /** Writes an upload to disk; the answer names it for a preview and a job. */
    ImportJobs.Spooled spool(InputStream body, String fileName, String contentType) {
        deleteOld();
        UUID id = UUID.randomUUID();
        try (body) {
            long size = Files.copy(body, files.upload(id), StandardCopyOption.REPLACE_EXISTING);
            var upload = new ImportJobs.Spooled(id, fileName, contentType, size);
            spooled.put(id, upload);
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

    /** A spooled upload, still waiting for its job. */
    Optional<ImportJobs.Spooled> waiting(UUID id) {
        return Optional.ofNullable(spooled.get(id)).filter(s -> Files.exists(files.upload(id)));
    }

    /** The upload is its job's now. */
    void taken(UUID id) {
        spooled.remove(id);
    }

    /** Deletes the uploads older than an hour that no job needs. */
    void deleteOld() {
        files.deleteUploadsOlderThan(KEEP.toMillis(), needed);
    }
}
