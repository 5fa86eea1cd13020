package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import tools.jackson.databind.JsonNode;

/**
 * Background imports across a restart: a job that was waiting or running when the service stopped
 * is finished if its import committed (tickets and record in one transaction) and failed with
 * nothing stored otherwise; never half-stored, never left "running".
 */
class ImportJobRestartTests {

    private static String csv(String customer, int rows) {
        return new String(ImportJobFixtures.csv(customer, rows), StandardCharsets.UTF_8);
    }

    @Test
    void aJobCutOffByAStopIsFinishedIfItCommittedAndFailedWithNothingStoredIfNot(@TempDir Path dataDir)
            throws IOException {
        Map<String, String> settings = Map.of("supportdesk.data-dir", dataDir.toString());
        String customer = "restart-" + UUID.randomUUID();
        String committed;
        try (Instance first = Instance.start(settings)) {
            committed = first.api()
                    .sendBytes("POST", "/imports", "text/csv", csv(customer, 12).getBytes(StandardCharsets.UTF_8))
                    .json()
                    .get("id")
                    .asString();
            assertThat(ImportJobFixtures.waitUntilDone(first.api(), committed)
                            .get("state")
                            .asString())
                    .isEqualTo("finished");
        }
        // As a kill -9 would leave them: one job stopped after its commit, before its state file
        // said so; another one stopped while running, its transaction never committed.
        Path jobs = dataDir.resolve("import-jobs");
        String finishedState = Files.readString(jobs.resolve(committed + ".json"));
        Files.writeString(jobs.resolve(committed + ".json"), finishedState.replace("\"finished\"", "\"running\""));
        String cutOff = UUID.randomUUID().toString();
        Files.writeString(
                jobs.resolve(cutOff + ".json"),
                finishedState.replace(committed, cutOff).replace("\"finished\"", "\"running\""));
        Files.writeString(jobs.resolve(cutOff + ".upload"), csv(customer + "-lost", 5));

        try (Instance second = Instance.start(settings)) {
            Api api = second.api();
            JsonNode finished = api.get("/imports/" + committed).json();
            assertThat(finished.get("state").asString()).isEqualTo("finished");
            assertThat(finished.get("result").get("success_count").asLong()).isEqualTo(12);
            JsonNode failed = api.get("/imports/" + cutOff).json();
            assertThat(failed.get("state").asString()).isEqualTo("failed");
            assertThat(failed.get("detail").asString()).contains("nothing was stored");
            assertThat(ImportJobFixtures.stored(api, customer)).isEqualTo(12);
            assertThat(ImportJobFixtures.stored(api, customer + "-lost")).isZero();
            assertThat(jobs.resolve(cutOff + ".upload")).doesNotExist();
        }
    }
}
