package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.awaitFileSays;
import static org.supportdesk.imports.ImportJobFixtures.awaitGone;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.stored;
import static org.supportdesk.imports.ImportJobFixtures.waitUntilDone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.MovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;

/**
 * A job whose import committed but whose state file never said so (the service killed right after
 * the commit, or the file not writable then), and whose rows the retention (3 days here) took
 * before its instance looked at it again: the instance must not say "failed, nothing was stored"
 * of it, its tickets being there, but 404, as for every purged job. On one clock the test moves.
 */
@Tag(TestDatabase.BOTH)
class ImportJobCrashAfterCommitTests {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    /** The instances' clock (not a @Configuration: the scan of other tests' applications would find it). */
    static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }

    @Test
    void aJobKilledAfterItsCommitAndDownLongerThanTheRetentionIsNotToldNothingWasStored(
            @TempDir Path dataDir, @TempDir Path otherDataDir) throws IOException {
        assertThat(otherDataDir).isNotEqualTo(dataDir);
        Map<String, String> settings = settings(dataDir);
        String customer = "killed-" + UUID.randomUUID();
        String id;
        try (Instance first = Instance.start(settings, SharedClock.class)) {
            id = start(first.api(), "", csv(customer, 4));
            assertThat(waitUntilDone(first.api(), id).get("state").asString()).isEqualTo("finished");
        }
        // As a kill -9 between the commit and the state file's write leaves it: tickets and rows
        // committed, the file still running.
        Path file = dataDir.resolve("import-jobs").resolve(id + ".json");
        Files.writeString(file, Files.readString(file).replace("\"finished\"", "\"running\""));

        CLOCK.advance(Duration.ofDays(3).plusMinutes(1));
        if (TestDatabase.isPostgres()) {
            // Meanwhile another instance on the database purges the job's rows (on SQLite there is
            // no other instance, and the restart looks before its own purge).
            var elsewhere = new HashMap<>(settings);
            elsewhere.put("supportdesk.data-dir", otherDataDir.toString());
            try (Instance other = Instance.start(Map.copyOf(elsewhere), SharedClock.class)) {
                purge(other);
                assertThat(other.api().get("/imports/" + id).status()).isEqualTo(404);
            }
        }

        try (Instance again = Instance.start(settings, SharedClock.class)) {
            Api.Response job = again.api().get("/imports/" + id);
            if (job.status() != 404) {
                // On SQLite the restart finds the record, unless its own first purge took it already.
                assertThat(job.json().get("state").asString()).as(job.body()).isEqualTo("finished");
                assertThat(job.json().get("result").get("success_count").asLong())
                        .isEqualTo(4);
            }
            purge(again);
            assertThat(again.api().get("/imports/" + id).status())
                    .as("over since its commit, longer than the retention")
                    .isEqualTo(404);
            assertThat(file).doesNotExist();
            assertThat(stored(again.api(), customer)).isEqualTo(4);
        }
    }

    @Test
    void aJobWhoseFileCouldNotBeWrittenAfterItsCommitIsNotToldNothingWasStoredAfterTheRetention(@TempDir Path dataDir)
            throws Exception {
        Map<String, String> settings = settings(dataDir);
        String customer = "unwritten-" + UUID.randomUUID();
        Path jobs = dataDir.resolve("import-jobs");
        String id;
        try (Instance first = Instance.start(settings, SharedClock.class)) {
            try (var held = ImportJobFixtures.holdImports(
                    settings.get("supportdesk.db.url"), first.context().getBean(Database.class))) {
                id = start(first.api(), "", csv(customer, 4));
                awaitFileSays(jobs.resolve(id + ".json"), "\"running\"");
                // From here on the state file cannot be written (as on a full disk): a directory
                // stands where its new version is written before it is renamed.
                Files.createDirectory(jobs.resolve(id + ".json.tmp"));
            }
            awaitGone(jobs.resolve(id + ".upload"));
            assertThat(stored(first.api(), customer)).as("committed").isEqualTo(4);

            // The instance runs on past the retention: its purge takes the job's rows, not its
            // file, which says running.
            CLOCK.advance(Duration.ofDays(3).plusMinutes(1));
            purge(first);
            assertThat(jobs.resolve(id + ".json")).exists();
        }

        try (Instance again = Instance.start(settings, SharedClock.class)) {
            Api.Response job = again.api().get("/imports/" + id);
            assertThat(job.status()).as(job.body()).isEqualTo(404);
            assertThat(jobs.resolve(id + ".json")).doesNotExist();
            assertThat(stored(again.api(), customer)).isEqualTo(4);
        }
    }

    /** A data directory of its own, the retention of 3 days, and on PostgreSQL a new database. */
    private static Map<String, String> settings(Path dataDir) {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        settings.put("supportdesk.import-job-retention", "3d");
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        return Map.copyOf(settings);
    }

    private static ImportJobPurge.Purged purge(Instance instance) {
        return instance.context().getBean(ImportJobPurge.class).purge();
    }
}
