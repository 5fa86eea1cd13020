package org.supportdesk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where background imports keep their uploads and states on this instance's disk
 * (`<data-dir>/import-jobs/`): `<id>.upload` while the job waits or runs, `<id>.json` its last
 * state, written by rename so that a crash leaves the old state or the new one, never half of one.
 */
final class ImportJobFiles {

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
        return dir.resolve(id + ".upload");
    }

    void save(ImportJob job) {
        Path target = dir.resolve(job.id() + ".json");
        Path temporary = dir.resolve(job.id() + ".json.tmp");
        try {
            Files.write(temporary, json.writeValueAsBytes(job));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record import job " + job.id(), e);
        }
    }

    Optional<ImportJob> load(UUID id) {
        Path file = dir.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), ImportJob.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read import job " + id, e);
        }
    }

    /** Every job recorded here. */
    List<ImportJob> all() {
        var jobs = new ArrayList<ImportJob>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                try {
                    load(UUID.fromString(name.substring(0, name.length() - 5))).ifPresent(jobs::add);
                } catch (IllegalArgumentException | UncheckedIOException | tools.jackson.core.JacksonException e) {
                    // Not a job of ours, or unreadable: left alone.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return jobs;
    }

    /** Uploads whose job is over (or that were previewed and never run) take disk: delete them. */
    void deleteUploadsOlderThan(long millis) {
        long now = System.currentTimeMillis();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".upload")).toList()) {
                try {
                    if (now - Files.getLastModifiedTime(file).toMillis() >= millis) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException gone) {
                    // Listed, then deleted by its job as it ended: there is nothing left to clean.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
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
