package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.MovableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The uploads waiting for a job, on a clock the test moves: one only previewed and never run went
 * from the disk after an hour, but stayed in memory for good, an entry per preview.
 */
class ImportUploadsTests {

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T09:00:00Z"));

    private ImportUploads uploads(ImportJobFiles files) {
        return new ImportUploads(files, id -> false, clock);
    }

    private ImportJobFiles files() {
        return new ImportJobFiles(
                dataDir.resolve("import-jobs"), JsonMapper.builder().build());
    }

    private static ImportJobs.Spooled spool(ImportUploads uploads) {
        byte[] csv = "customer_id,subject\nc,Hello\n".getBytes(StandardCharsets.UTF_8);
        return uploads.spool(new ByteArrayInputStream(csv), "t.csv", "text/csv");
    }

    @Test
    void anUploadOnlyPreviewedGoesFromMemoryWithItsFileAfterAnHour() {
        ImportJobFiles files = files();
        ImportUploads uploads = uploads(files);
        ImportJobs.Spooled previewed = spool(uploads);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        ImportJobs.Spooled recent = spool(uploads); // the clean-up runs before each upload, and hourly
        uploads.deleteOld();

        assertThat(uploads.size()).isEqualTo(1);
        assertThat(uploads.waiting(previewed.id())).isEmpty();
        assertThat(files.upload(previewed.id())).doesNotExist();
        assertThat(uploads.taken(previewed.id())).as("no job can take it").isFalse();
        assertThat(uploads.waiting(recent.id())).contains(recent);
    }

    @Test
    void anUploadPastItsHourIsNotWaitingEvenBeforeTheCleanUp() {
        ImportUploads uploads = uploads(files());
        ImportJobs.Spooled previewed = spool(uploads);

        clock.advance(Duration.ofHours(1));

        assertThat(uploads.waiting(previewed.id())).isEmpty();
    }

    @Test
    void anUploadWhoseFileIsGoneIsNeverWaitingAndGoesAtTheNextCleanUp() throws Exception {
        ImportJobFiles files = files();
        ImportUploads uploads = uploads(files);
        ImportJobs.Spooled previewed = spool(uploads);

        Files.delete(files.upload(previewed.id()));

        assertThat(uploads.waiting(previewed.id())).isEmpty();
        uploads.deleteOld();
        assertThat(uploads.size()).isZero();
        assertThat(uploads.taken(previewed.id())).isFalse();
    }

    @Test
    void anUploadTakenByItsJobIsNoLongerWaitingAndCannotBeTakenTwice() {
        ImportUploads uploads = uploads(files());
        ImportJobs.Spooled upload = spool(uploads);

        assertThat(uploads.taken(upload.id())).isTrue();
        assertThat(uploads.taken(upload.id())).as("a second click on Import").isFalse();
        assertThat(uploads.size()).isZero();
    }
}
