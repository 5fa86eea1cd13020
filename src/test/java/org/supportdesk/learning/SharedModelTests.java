package org.supportdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.learning.ModelServer.finished;
import static org.supportdesk.learning.ModelServer.importCsv;
import static org.supportdesk.learning.ModelServer.version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/** Two instances of the service on one PostgreSQL share one model and one training at a time. */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class SharedModelTests {

    @TempDir
    static Path dataDir;

    private static TwoInstances two;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        // Trainings only when asked, so that each test knows which it started.
        two = TwoInstances.start(ModelServer.settings(dataDir, Map.of("supportdesk.classifier.retrain-after", "0")));
        importCsv(api(0), LabelledHistory.csv(0, 300));
    }

    @AfterAll
    static void stop() {
        if (two != null) {
            two.close();
        }
    }

    private static Api api(int i) {
        return two.api(i);
    }

    @Test
    void aModelTrainedOnOneInstanceIsUsedByTheOtherWithinSeconds() {
        String job = api(1).post("/classification/model/train", Map.of())
                .json()
                .get("id")
                .asString();

        // The job is in the database: either instance answers for it.
        int trained = finished(api(0), job).get("model_version").asInt();

        Eventually.await("instance 0 uses the new model", () -> version(api(0)), v -> v == trained);
        Eventually.await("instance 1 uses the new model", () -> version(api(1)), v -> v == trained);
        var ticket = aTicket()
                .withSubject(LabelledHistory.subject(3))
                .withDescription(LabelledHistory.description(3))
                .build();
        JsonNode first = classify(api(0), ticket);
        JsonNode second = classify(api(1), ticket);
        for (String field : List.of("suggested_category", "suggested_priority", "confidence", "reasoning", "method")) {
            assertThat(second.get(field)).as(field).isEqualTo(first.get(field));
        }
    }

    @Test
    void onlyOneTrainingRunsAtATimeAcrossInstances() throws Exception {
        List<String> jobs = Concurrently.run(
                2,
                2,
                i -> api(i).post("/classification/model/train", Map.of())
                        .json()
                        .get("id")
                        .asString());

        assertThat(jobs.get(1)).isEqualTo(jobs.get(0));
        assertThat(finished(api(1), jobs.get(0)).get("state").asString()).isEqualTo("succeeded");
    }

    private static JsonNode classify(Api api, Map<String, Object> ticket) {
        String id = api.post("/tickets", ticket).json().get("id").asString();
        return api.post("/tickets/" + id + "/classify?apply=false", Map.of()).json();
    }
}
