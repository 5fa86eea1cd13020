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
        var out = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        for (int i = 0; i < rows; i++) {
            out.append(customer)
                    .append(",ann@example.com,Ann Lee,Cannot log in ")
                    .append(i);
            out.append(",I cannot log in to my account since this morning.\n");
        }
        return out.toString();
    }

    private static JsonNode waitUntilDone(Api api, String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode job = api.get("/imports/" + id).json();
            if (!job.get("state").asString().matches("queued|running")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job done in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long stored(Api api, String customer) {
        return api.get("/tickets?limit=1&customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
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
            assertThat(waitUntilDone(first.api(), committed).get("state").asString())
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
            assertThat(stored(api, customer)).isEqualTo(12);
            assertThat(stored(api, customer + "-lost")).isZero();
            assertThat(jobs.resolve(cutOff + ".upload")).doesNotExist();
        }
    }
}
