package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.awaitFileSays;
import static org.supportdesk.imports.ImportJobFixtures.awaitGone;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.stored;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;
import tools.jackson.databind.JsonNode;

/**
 * A job whose state file cannot be written once its import committed (a full disk, say: here a
 * directory stands where the file's new version is written before its rename). Its tickets are
 * stored, so it is finished, on the instance that ran it (from memory, until the file can be
 * written: at the next purge), and after a restart; never "running" for ever, nor "failed" (the
 * client would send the file again and get its tickets twice). On SQLite it said running for ever.
 * A file the restart cannot write stopped the service from starting.
 */
@Tag(TestDatabase.BOTH)
class ImportJobStateFileFailureTests {

    @Test
    void aJobWhoseStateFileCannotBeWrittenAfterItsCommitIsFinishedAndWrittenOnceItCanBe(@TempDir Path dataDir)
            throws Exception {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        String customer = "unwritable-" + UUID.randomUUID();
        Path jobs = dataDir.resolve("import-jobs");
        String id;
        Path file;
        try (Instance first = Instance.start(Map.copyOf(settings))) {
            try (var held = ImportJobFixtures.holdImports(
                    settings.get("supportdesk.db.url"), first.context().getBean(Database.class))) {
                id = start(first.api(), "", csv(customer, 4));
                file = jobs.resolve(id + ".json");
                awaitFileSays(file, "\"running\"");
                Files.createDirectory(jobs.resolve(id + ".json.tmp"));
            }
            awaitGone(jobs.resolve(id + ".upload"));

            assertFinished(first.api(), id);
            assertThat(stored(first.api(), customer)).isEqualTo(4);
            assertThat(Files.readString(file)).as("not writable").contains("\"running\"");

            // Still not writable at the purge: still finished, from memory.
            first.context().getBean(ImportJobPurge.class).purge();
            assertFinished(first.api(), id);

            // Writable again: the next purge writes it, and the job is answered as any other.
            Files.delete(jobs.resolve(id + ".json.tmp"));
            first.context().getBean(ImportJobPurge.class).purge();
            assertThat(Files.readString(file)).contains("\"finished\"");
            assertFinished(first.api(), id);
        }
        try (Instance again = Instance.start(Map.copyOf(settings))) {
            assertFinished(again.api(), id);
            assertThat(stored(again.api(), customer)).isEqualTo(4);
        }
    }

    @Test
    void aJobWhoseStateFileIsNeverWrittenAgainIsFinishedAfterARestart(@TempDir Path dataDir) throws Exception {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        String customer = "never-written-" + UUID.randomUUID();
        Path jobs = dataDir.resolve("import-jobs");
        String id;
        try (Instance first = Instance.start(Map.copyOf(settings))) {
            try (var held = ImportJobFixtures.holdImports(
                    settings.get("supportdesk.db.url"), first.context().getBean(Database.class))) {
                id = start(first.api(), "", csv(customer, 3));
                awaitFileSays(jobs.resolve(id + ".json"), "\"running\"");
                Files.createDirectory(jobs.resolve(id + ".json.tmp"));
            }
            awaitGone(jobs.resolve(id + ".upload"));
            assertFinished(first.api(), id);
        }
        // The file says running; the restart asks the database, which has the commit's record (and
        // clears what stood in the way, a half-written state of the stop).
        try (Instance again = Instance.start(Map.copyOf(settings))) {
            JsonNode job = assertFinished(again.api(), id);
            assertThat(job.get("result").get("success_count").asLong()).isEqualTo(3);
            assertThat(Files.readString(jobs.resolve(id + ".json"))).contains("\"finished\"");
        }
    }

    @Test
    void aStateFileThatCannotBeWrittenAtTheRestartDoesNotStopTheServiceAndIsWrittenOnceItCanBe(@TempDir Path dataDir)
            throws Exception {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        String customer = "unwritable-at-restart-" + UUID.randomUUID();
        Path jobs = dataDir.resolve("import-jobs");
        String id;
        Path blocked;
        try (Instance first = Instance.start(Map.copyOf(settings))) {
            try (var held = ImportJobFixtures.holdImports(
                    settings.get("supportdesk.db.url"), first.context().getBean(Database.class))) {
                id = start(first.api(), "", csv(customer, 2));
                awaitFileSays(jobs.resolve(id + ".json"), "\"running\"");
                blocked = Files.createDirectory(jobs.resolve(id + ".json.tmp"));
            }
            awaitGone(jobs.resolve(id + ".upload"));
            assertFinished(first.api(), id);
        }
        // Not empty, so that the start's clean-up cannot take it out of the way either.
        Files.writeString(blocked.resolve("in-the-way"), "x");

        // The service starts; the job is finished, from memory, until its file can be written.
        try (Instance again = Instance.start(Map.copyOf(settings))) {
            assertFinished(again.api(), id);
            assertThat(Files.readString(jobs.resolve(id + ".json"))).contains("\"running\"");
            assertThat(stored(again.api(), customer)).isEqualTo(2);

            Files.delete(blocked.resolve("in-the-way"));
            Files.delete(blocked);
            again.context().getBean(ImportJobPurge.class).purge();
            assertThat(Files.readString(jobs.resolve(id + ".json"))).contains("\"finished\"");
            assertFinished(again.api(), id);
        }
    }

    private static JsonNode assertFinished(Api api, String id) {
        Api.Response answer = api.get("/imports/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode job = answer.json();
        assertThat(job.get("state").asString()).as(answer.body()).isEqualTo("finished");
        assertThat(job.get("rows_stored").asLong()).as(answer.body()).isPositive();
        assertThat(job.get("bytes_total").asLong()).as("the job's own record").isPositive();
        return job;
    }
}
