package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ImportJobFilesTests {

    @TempDir
    Path dataDir;

    /**
     * An upload listed by the clean-up and deleted by its job before the clean-up looked at its
     * time: a 500 on the next `POST /imports` (seen in ImportJobTwoInstancesTests). A link to a file
     * that is not there is listed and then not found, as such an upload is.
     */
    @Test
    void cleaningUpSkipsAnUploadThatIsGoneByTheTimeItIsLookedAt() throws Exception {
        Path dir = dataDir.resolve("import-jobs");
        var files = new ImportJobFiles(dir, JsonMapper.builder().build());
        Path old = files.upload(UUID.randomUUID());
        Files.writeString(old, "id,subject\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7_200)));
        Path gone = files.upload(UUID.randomUUID());
        Files.createSymbolicLink(gone, dir.resolve("deleted-meanwhile"));

        files.deleteUploadsOlderThan(3_600_000, id -> false);

        assertThat(old).doesNotExist();
    }

    /**
     * A job queued behind an import that takes more than an hour: its upload is as old as that, and
     * the clean-up before each new upload deleted it, so the job failed when its turn came.
     */
    @Test
    void cleaningUpKeepsTheUploadOfAJobStillWaitingHoweverOld() throws Exception {
        var files = new ImportJobFiles(
                dataDir.resolve("import-jobs"), JsonMapper.builder().build());
        UUID waiting = UUID.randomUUID();
        Path waitingUpload = aged(files.upload(waiting), "id,subject\n");
        Path previewed = aged(files.upload(UUID.randomUUID()), "id,subject\n");
        Path halfWritten = aged(dataDir.resolve("import-jobs").resolve(UUID.randomUUID() + ".json.tmp"), "{\"id\"");

        files.deleteUploadsOlderThan(3_600_000, waiting::equals);

        assertThat(waitingUpload).exists();
        assertThat(previewed).doesNotExist();
        assertThat(halfWritten).doesNotExist();
    }

    @Test
    void jobsOverBeforeTheCutOffGoWithTheirUploadsAndNoOtherDoes() throws Exception {
        var files = new ImportJobFiles(
                dataDir.resolve("import-jobs"), JsonMapper.builder().build());
        Instant cutOff = Instant.now().plus(Duration.ofDays(1));
        Instant before = cutOff.minusSeconds(1);
        ImportJob finished = job(ImportJob.FINISHED, before);
        ImportJob failed = job(ImportJob.FAILED, before);
        ImportJob cancelled = job(ImportJob.CANCELLED, before);
        ImportJob recent = job(ImportJob.FINISHED, cutOff);
        ImportJob running = job(ImportJob.RUNNING, null);
        ImportJob queued = job(ImportJob.QUEUED, null);
        // As a job's file says it while the job ends: over, but its run has not let go of it yet.
        ImportJob ending = job(ImportJob.FINISHED, before);
        for (ImportJob job : List.of(finished, failed, cancelled, recent, running, queued, ending)) {
            files.save(job);
            Files.writeString(files.upload(job.id()), "id,subject\n");
        }
        Path notAJob = Files.writeString(dataDir.resolve("import-jobs").resolve("notes.json"), "{}");

        int deleted = files.deleteOverBefore(cutOff, ending.id()::equals);

        assertThat(deleted).isEqualTo(3);
        for (ImportJob gone : List.of(finished, failed, cancelled)) {
            assertThat(files.load(gone.id())).isEmpty();
            assertThat(files.upload(gone.id())).doesNotExist();
        }
        for (ImportJob kept : List.of(recent, running, queued, ending)) {
            assertThat(files.load(kept.id())).contains(kept);
            assertThat(files.upload(kept.id())).exists();
        }
        assertThat(notAJob).exists();
    }

    @Test
    void aJobOverBeforeTheCutOffGoesThoughItsFileSaysItWasWrittenAfter() throws Exception {
        // The file system's clock (a network file system's, or one stepped since) ahead of the
        // service's by an hour: the job's end time decides, not the file's.
        var files = new ImportJobFiles(
                dataDir.resolve("import-jobs"), JsonMapper.builder().build());
        Instant cutOff = Instant.now().minus(Duration.ofDays(3));
        ImportJob finished = job(ImportJob.FINISHED, cutOff.minus(Duration.ofHours(1)));
        files.save(finished);
        Path state = dataDir.resolve("import-jobs").resolve(finished.id() + ".json");
        Files.setLastModifiedTime(state, FileTime.from(cutOff.plus(Duration.ofHours(1))));

        int deleted = files.deleteOverBefore(cutOff, id -> false);

        assertThat(deleted).isEqualTo(1);
        assertThat(files.load(finished.id())).isEmpty();
    }

    private static Path aged(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(7_200)));
        return file;
    }

    /** A job in {@code state}, created long ago, over at {@code finishedAt} (null while not over). */
    private static ImportJob job(String state, Instant finishedAt) {
        return new ImportJob(
                UUID.randomUUID(),
                state,
                "tickets.csv",
                false,
                false,
                100,
                100,
                1,
                1,
                0,
                Instant.parse("2025-01-01T00:00:00Z"),
                finishedAt,
                null,
                null);
    }
}
