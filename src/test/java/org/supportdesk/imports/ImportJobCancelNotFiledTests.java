package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.awaitFileSays;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.poll;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.state;
import static org.supportdesk.imports.ImportJobFixtures.stored;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;
import tools.jackson.databind.JsonNode;

/**
 * A job cancelled while its state file cannot be written (a full disk, say: here a directory stands
 * where the file's new version is written), and the service stopped before the file could be
 * written: the file still says queued. After the restart the job is cancelled, as it was, not
 * "failed". On SQLite it came back failed: the file was the only place that could say cancelled.
 */
@Tag(TestDatabase.BOTH)
class ImportJobCancelNotFiledTests {

    private static final String CANCELLED = "Cancelled before it started; nothing was stored";

    @Test
    void aJobCancelledWhileItsStateFileCannotBeWrittenIsCancelledAfterARestart(@TempDir Path dataDir) throws Exception {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        String customer = "cancel-not-filed-" + UUID.randomUUID();
        Path jobs = dataDir.resolve("import-jobs");
        String queued;
        try (Instance first = Instance.start(Map.copyOf(settings))) {
            Api api = first.api();
            String running;
            CompletableFuture<Api.Response> cancel;
            try (var held = ImportJobFixtures.holdImports(
                    settings.get("supportdesk.db.url"), first.context().getBean(Database.class))) {
                running = start(api, "", csv(customer, 3));
                queued = start(api, "", csv(customer + "-queued", 3));
                awaitFileSays(jobs.resolve(running + ".json"), "\"running\"");
                Files.createDirectory(jobs.resolve(queued + ".json.tmp"));
                // On SQLite the end goes to the database, whose one writer the held import has:
                // the answer comes once it is released.
                cancel = CompletableFuture.supplyAsync(() -> api.delete("/imports/" + queued));
                poll(api, queued, job -> state(job).equals("cancelled"));
            }
            Api.Response cancelled = cancel.get();
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(state(cancelled.json())).isEqualTo("cancelled");
            assertThat(state(poll(api, running, job -> !state(job).equals("running"))))
                    .isEqualTo("finished");
            assertThat(Files.readString(jobs.resolve(queued + ".json")))
                    .as("not writable")
                    .contains("\"queued\"");
        }

        settings.put("supportdesk.test.clock-start", Instant.now().toString());
        try (Instance again = Instance.start(Map.copyOf(settings), OnMovableClock.class)) {
            Api.Response answer = again.api().get("/imports/" + queued);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode job = answer.json();
            assertThat(state(job)).as(answer.body()).isEqualTo("cancelled");
            assertThat(job.get("detail").asString()).isEqualTo(CANCELLED);
            assertThat(Files.readString(jobs.resolve(queued + ".json"))).contains("\"cancelled\"");
            assertThat(stored(again.api(), customer + "-queued")).isZero();
            assertThat(rows(again, queued)).as("its end in the database").isEqualTo(1);

            // Gone at the retention, its row with its file.
            again.context().getBean(MovableClock.class).advance(Duration.ofDays(8));
            again.context().getBean(ImportJobPurge.class).purge();
            assertThat(again.api().get("/imports/" + queued).status()).isEqualTo(404);
            assertThat(rows(again, queued)).isZero();
        }
    }

    private static long rows(Instance instance, String id) {
        return instance.context()
                .getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM import_job_states WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
