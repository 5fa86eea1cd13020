package org.supportdesk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where background imports keep their uploads and states on this instance's disk
 * (`<data-dir>/import-jobs/`): `<id>.upload` while the job waits or runs, `<id>.json` its last
 * state, written by rename so that a crash leaves the old state or the new one, never half of one.
 */
final class ImportJobFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportJobFiles.class);
    private static final Duration CLOCK_MARGIN = Duration.ofDays(1);

    private static final String STATE = ".json";
    private static final String PARTIAL = ".json.tmp";
    private static final String UPLOAD = ".upload";

    private final Path dir;
    private final JsonMapper json;

    ImportJobFiles(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
        try {
            // Owner-only, as the rest of the data directory: the uploads are customer data. The
            // files in it then need no permissions of their own.
            org.supportdesk.system.OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    Path upload(UUID id) {
        return dir.resolve(id + UPLOAD);
    }

    void save(ImportJob job) {
        Path target = dir.resolve(job.id() + STATE);
        Path temporary = dir.resolve(job.id() + PARTIAL);
        try {
            Files.write(temporary, json.writeValueAsBytes(job));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteHalfWritten(temporary);
            throw new UncheckedIOException("Cannot record import job " + job.id(), e);
        }
    }

    /**
     * Writes the job's state file; a failure (a full disk) is logged, not thrown: whether it was
     * written. The caller keeps the job and writes it again later ({@link ImportJobRun#recordEnd}).
     */
    boolean saved(ImportJob job) {
        try {
            save(job);
            return true;
        } catch (RuntimeException e) {
            // UncheckedIOException mostly; anything else too, lest it stop the sweep that retries.
            log.warn("Cannot write the state file of import job {} ({}): written again later", job.id(), e.toString());
            return false;
        }
    }

    /** What a full disk left of a state (a file, never what else may stand there): its room back now. */
    private static void deleteHalfWritten(Path temporary) {
        try {
            if (Files.isRegularFile(temporary)) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // Removed at the next start, or with the uploads left over.
        }
    }

    Optional<ImportJob> load(UUID id) {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(dir.resolve(id + STATE)), ImportJob.class));
        } catch (NoSuchFileException e) {
            // Not a job of this instance, or one purged (perhaps just now, as it was looked up).
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read import job " + id, e);
        }
    }

    /** Every job recorded here. */
    List<ImportJob> all() {
        var jobs = new ArrayList<ImportJob>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(STATE)).toList()) {
                try {
                    idOf(file).flatMap(this::load).ifPresent(jobs::add);
                } catch (UncheckedIOException | tools.jackson.core.JacksonException e) {
                    // Not a job of ours, or unreadable: left alone.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return jobs;
    }

    /**
     * Uploads whose job is over (or that were previewed and never run) take disk: delete those older
     * than {@code millis}, but not the upload of a job that {@code waiting} says still needs it (a
     * job queued behind a long import lost its upload to this after an hour). Also a state half
     * written when the service stopped (`.json.tmp`).
     */
    void deleteUploadsOlderThan(long millis, Predicate<UUID> waiting) {
        long now = System.currentTimeMillis();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(UPLOAD) || f.toString().endsWith(PARTIAL))
                    .toList()) {
                try {
                    if (now - Files.getLastModifiedTime(file).toMillis() >= millis
                            && !idOf(file).map(waiting::test).orElse(false)) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException gone) {
                    // Listed, then deleted by its job as it ended: there is nothing left to clean.
                } catch (IOException e) {
                    // Something else in the way (a directory that is not empty): the next clean-up
                    // tries again. Never a reason to refuse an upload, nor the service's start.
                    log.warn("Cannot delete {} ({}): left for now", file, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
        }
    }

    /**
     * Deletes the states (and any upload) of the jobs that ended before {@code before}, except those
     * {@code running} says are not over: how many. A job's file is written last when the job ends,
     * so a file changed a day or more after {@code before} is not even read. The day is a margin:
     * a file's time is the file system's clock (a network file system's, or before a clock step),
     * which need not agree with the service's, and the sieve must never keep a file the job's own
     * end time would let go.
     */
    int deleteOverBefore(Instant before, Predicate<UUID> running) {
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(STATE)).toList()) {
                Optional<UUID> id = idOf(file);
                try {
                    if (id.isEmpty()
                            || running.test(id.get())
                            || !Files.getLastModifiedTime(file).toInstant().isBefore(before.plus(CLOCK_MARGIN))) {
                        continue;
                    }
                    Optional<ImportJob> job = load(id.get());
                    if (job.isPresent()
                            && job.get().done()
                            && job.get().finishedAt() != null
                            && job.get().finishedAt().isBefore(before)) {
                        Files.deleteIfExists(upload(id.get()));
                        Files.deleteIfExists(file);
                        deleted++;
                    }
                } catch (NoSuchFileException gone) {
                    // Deleted by another purge meanwhile.
                } catch (UncheckedIOException | tools.jackson.core.JacksonException e) {
                    // Unreadable: left alone, as all() leaves it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
        }
        return deleted;
    }

    /** The job a file of this directory belongs to; empty for a file that is not a job's. */
    private static Optional<UUID> idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return Optional.of(UUID.fromString(dot < 0 ? name : name.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Deletes a job's state and upload. */
    void delete(UUID id) {
        try {
            Files.deleteIfExists(upload(id));
            Files.deleteIfExists(dir.resolve(id + STATE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete import job " + id, e);
        }
    }

    void deleteUpload(UUID id) {
        try {
            Files.deleteIfExists(upload(id));
        } catch (IOException e) {
            // Removed at the next start.
        }
    }
}
