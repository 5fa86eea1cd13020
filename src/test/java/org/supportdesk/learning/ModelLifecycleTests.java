package org.supportdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.learning.ModelServer.finished;
import static org.supportdesk.learning.ModelServer.importCsv;
import static org.supportdesk.learning.ModelServer.model;
import static org.supportdesk.learning.ModelServer.version;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import org.supportdesk.classification.Classification;
import org.supportdesk.classification.Classifier;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.Priority;
import tools.jackson.databind.JsonNode;

/**
 * The model's life in the whole service, on each database, as a team lives it: no model, a
 * labelled history imported and a model trained by itself, decisions that say who made them,
 * corrections counted, retraining in the background, a training asked for, a training that fails,
 * a restart, and the model turned off. The steps build on each other, hence the order.
 */
@Tag(TestDatabase.BOTH)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLifecycleTests {

    private static final Classifier RULES = Classifier.withDefaultRules();
    private static final int FIRST_IMPORT = 250;
    private static final int SECOND_IMPORT = 460;

    @TempDir
    static Path dataDir;

    private ModelServer server;
    private Instance instance;
    private Api api;

    @BeforeAll
    void start() {
        server = new ModelServer(dataDir);
        restart(Map.of());
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    private void restart(Map<String, String> settings) {
        if (instance != null) {
            instance.close();
        }
        var all = new java.util.HashMap<>(
                Map.of("supportdesk.classifier.retrain-after", "200", "supportdesk.classifier.retrain-interval", "0s"));
        all.putAll(settings);
        instance = server.start(all);
        api = instance.api();
    }

    @Test
    @Order(1)
    void beforeAnyTrainingTheRulesDecideAndTheReportSaysThereIsNoModel() {
        JsonNode status = model(api);

        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("model").isNull()).isTrue();
        assertThat(status.get("training").isNull()).isTrue();
        assertThat(status.get("min_examples").asInt()).isEqualTo(50);
        assertThat(status.get("retrain_after").asInt()).isEqualTo(200);
        JsonNode created =
                api.post("/tickets", aTicket().unclassified().build()).json();
        assertThat(created.get("classification").get("method").asString()).isEqualTo("rules");
    }

    @Test
    @Order(2)
    void importingALabelledHistoryTrainsAModelByItself() {
        importCsv(api, LabelledHistory.csv(0, FIRST_IMPORT));

        Eventually.await("a model trained by itself", () -> version(api), v -> v >= 1);

        JsonNode model = model(api).get("model");
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("examples").asInt()).isEqualTo(FIRST_IMPORT);
        assertThat(sum(model.get("examples_per_label").get("category"))).isEqualTo(FIRST_IMPORT);
        assertThat(sum(model.get("examples_per_label").get("priority"))).isEqualTo(FIRST_IMPORT);
        assertThat(model.get("model_decides").get("category").asBoolean()).isTrue();
        JsonNode validation = model.get("cross_validation");
        assertThat(validation.get("method").asString()).isEqualTo("5-fold cross-validation");
        assertThat(validation.get("examples").asInt()).isEqualTo(FIRST_IMPORT);
        for (String field : List.of("category", "priority")) {
            JsonNode f = validation.get(field);
            for (String who : List.of("rules", "model", "combined")) {
                assertThat(f.get("accuracy").get(who).asDouble())
                        .as(field + " " + who)
                        .isBetween(0.0, 1.0);
                assertThat(sum(f.get("confusion").get(who)))
                        .as(field + " " + who)
                        .isEqualTo(FIRST_IMPORT);
            }
            assertThat(f.get("labels").size())
                    .isEqualTo(f.get("confusion").get("labels").size());
        }
        assertThat(validation.get("category").get("confusion").get("labels").size())
                .isEqualTo(6);
        // The workspace's admin screen shows the same figures, through the learning door.
        ModelSummary.Summary summary =
                instance.context().getBean(ModelSummary.class).now();
        assertThat(summary.version()).isEqualTo(1);
        assertThat(summary.examples()).isEqualTo(FIRST_IMPORT);
        assertThat(summary.fields())
                .extracting(ModelSummary.FieldAccuracy::field)
                .containsExactly("category", "priority");
        for (ModelSummary.FieldAccuracy f : summary.fields()) {
            JsonNode accuracy = validation.get(f.field()).get("accuracy");
            assertThat(f.rules()).isEqualTo(accuracy.get("rules").asDouble());
            assertThat(f.model()).isEqualTo(accuracy.get("model").asDouble());
            assertThat(f.combined()).isEqualTo(accuracy.get("combined").asDouble());
        }
        assertThat(validation
                        .get("category")
                        .get("labels")
                        .get("billing_question")
                        .get("rules")
                        .has("recall"))
                .isTrue();
        JsonNode job = api.get("/classification/model/jobs/"
                        + model.get("training_job").asString())
                .json();
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("reason").asString()).isEqualTo("new_examples");
        assertThat(job.get("requested_by").isNull()).isTrue();
        assertThat(job.get("examples").asInt()).isEqualTo(FIRST_IMPORT);
        assertThat(job.get("model_version").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void eachDecisionSaysWhoMadeItAndAModelDecisionNamesTheWordsThatWeighedMost() {
        var results = new ArrayList<JsonNode>();
        for (int row = 0; row < 40; row++) {
            String id = api.post(
                            "/tickets",
                            aTicket()
                                    .withSubject(LabelledHistory.subject(row))
                                    .withDescription(LabelledHistory.description(row))
                                    .build())
                    .json()
                    .get("id")
                    .asString();
            results.add(api.post("/tickets/" + id + "/classify?apply=false", Map.of())
                    .json());
        }

        List<JsonNode> byModel = results.stream()
                .filter(r -> r.get("method").asString().equals("model"))
                .toList();
        List<JsonNode> byRules = results.stream()
                .filter(r -> r.get("method").asString().equals("rules"))
                .toList();
        assertThat(byModel).isNotEmpty();
        assertThat(byModel.size() + byRules.size()).isEqualTo(results.size());
        for (JsonNode r : byModel) {
            assertThat(r.get("reasoning").asString())
                    .matches(".*\"[^\"]+\"( and \"[^\"]+\"| , \"[^\"]+\")* points? to .*");
            assertThat(r.get("keywords_found").isArray()).isTrue();
        }
        for (JsonNode r : byRules) {
            assertThat(r.get("reasoning").asString()).matches("(Classified as|No category keywords).*");
        }
        double counted = instance
                .context()
                .getBean(MeterRegistry.class)
                .find("supportdesk.classifier.decisions")
                .tag("method", "model")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(counted).isGreaterThanOrEqualTo(byModel.size());
    }

    @Test
    @Order(4)
    void aPersonsValueIsKeptWhateverTheModelThinksUnlessForced() {
        String customer = "person-" + UUID.randomUUID();
        // A ticket the model learned as account_access, filed by a person as other/low.
        String id = api.post(
                        "/tickets",
                        aTicket()
                                .withCustomer(customer)
                                .withSubject(LabelledHistory.subject(0))
                                .withDescription(LabelledHistory.description(0))
                                .withCategory(Category.OTHER)
                                .withPriority(Priority.LOW)
                                .build())
                .json()
                .get("id")
                .asString();

        JsonNode kept = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json()
                .get(0);
        JsonNode ticket = api.get("/tickets/" + id).json();
        assertThat(kept.get("applied").asBoolean()).isFalse();
        assertThat(kept.has("method")).isTrue();
        assertThat(ticket.get("category").asString()).isEqualTo("other");
        assertThat(ticket.get("priority").asString()).isEqualTo("low");

        JsonNode forced = api.post("/tickets/classify-all?force=true&customer_id=" + customer, Map.of())
                .json()
                .get(0);
        ticket = api.get("/tickets/" + id).json();
        assertThat(forced.get("applied").asBoolean()).isTrue();
        assertThat(ticket.get("category").asString())
                .isEqualTo(forced.get("suggested_category").asString());
        assertThat(ticket.get("classification").get("method").asString())
                .isEqualTo(forced.get("method").asString());
    }

    @Test
    @Order(5)
    void aCorrectionIsCountedAsANewExample() {
        long before = Eventually.await(
                        "the poller counted what came before",
                        () -> model(api),
                        s -> s.get("new_examples").asLong() >= 0)
                .get("new_examples")
                .asLong();
        String id = api.post("/tickets", aTicket().unclassified().build())
                .json()
                .get("id")
                .asString();

        api.patch("/tickets/" + id, Map.of("category", "feature_request"));

        Eventually.await(
                "the correction counted", () -> model(api).get("new_examples").asLong(), n -> n >= before + 1);
    }

    @Test
    @Order(6)
    void noTrainingStartsByItselfWithinTheRetrainIntervalOfTheLastModel() {
        // 50 new examples would start a training, but fewer than the model's 250: not within the hour.
        restart(Map.of("supportdesk.classifier.retrain-interval", "1h", "supportdesk.classifier.retrain-after", "50"));
        JsonNode model = model(api).get("model");
        int before = model.get("version").asInt();
        assertThat(model(api).get("retrain_not_before").asString())
                .isEqualTo(Instant.parse(model.get("trained_at").asString())
                        .plus(Duration.ofHours(1))
                        .toString());

        importCsv(api, LabelledHistory.csv(FIRST_IMPORT, FIRST_IMPORT + 100));
        Eventually.await(
                "the new examples counted", () -> model(api).get("new_examples").asLong(), n -> n >= 100);
        // A poll of the test's own, after the count: the one that would start a training.
        instance.context().getBean(ModelPoller.class).poll();

        JsonNode status = model(api);
        assertThat(status.get("training").isNull()).isTrue();
        assertThat(status.get("model").get("version").asInt()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void enoughNewLabelsRetrainTheModelInTheBackground() {
        int before = version(api);

        restart(Map.of());

        importCsv(api, LabelledHistory.csv(FIRST_IMPORT + 100, SECOND_IMPORT));

        int after = Eventually.await("a retrained model", () -> version(api), v -> v > before);
        JsonNode model = model(api).get("model");
        assertThat(model.get("examples").asInt()).isGreaterThanOrEqualTo(SECOND_IMPORT);
        // The agent's correction of the category (order 5) is an example of the category and not of the
        // priority, which the classifier still owns; the ticket forced to the classifier's values
        // (order 4) and the ones the classifier decided are examples of nothing.
        JsonNode perLabel = model.get("examples_per_label");
        assertThat(sum(perLabel.get("category")) - sum(perLabel.get("priority")))
                .isEqualTo(1);
        assertThat(sum(perLabel.get("category")))
                .isEqualTo(model.get("examples").asLong());
        JsonNode job = api.get("/classification/model/jobs/"
                        + model.get("training_job").asString())
                .json();
        assertThat(job.get("reason").asString()).isEqualTo("new_examples");
        assertThat(job.get("model_version").asInt()).isEqualTo(after);
    }

    @Test
    @Order(8)
    void anAdminAsksForATrainingAndGetsItsJobAtOnce() {
        int before = version(api);

        Api.Response accepted = api.post("/classification/model/train", Map.of());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = accepted.json();
        assertThat(accepted.header("Location"))
                .isEqualTo("/classification/model/jobs/" + job.get("id").asString());
        assertThat(job.get("state").asString()).isIn("queued", "running", "succeeded");
        assertThat(job.get("reason").asString()).isEqualTo("requested");
        assertThat(job.get("requested_by").asString()).isEqualTo("admin");
        JsonNode done = finished(api, job.get("id").asString());
        assertThat(done.get("state").asString()).isEqualTo("succeeded");
        assertThat(done.get("model_version").asInt()).isGreaterThan(before);
        Eventually.await(
                "the new model in use",
                () -> version(api),
                v -> v == done.get("model_version").asInt());
    }

    @Test
    @Order(9)
    void aTrainingAlreadyRunningIsAnsweredInsteadOfASecondAndASilentOneIsAbandoned() throws Exception {
        String running = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        // A job of another instance, alive (its heartbeat an hour ahead, so no poll finds it silent).
        server.sql("INSERT INTO classifier_training_jobs (id, state, active, reason, created_at, heartbeat_at)"
                + " VALUES ('" + running + "', 'running', 1, 'requested', " + now + ", " + (now + 3_600_000) + ")");

        Api.Response second = api.post("/classification/model/train", Map.of());
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("id").asString()).isEqualTo(running);
        assertThat(model(api).get("training").get("id").asString()).isEqualTo(running);

        // Its instance stops saying it is alive.
        server.sql("UPDATE classifier_training_jobs SET heartbeat_at = 0 WHERE id = '" + running + "'");
        JsonNode abandoned = finished(api, running);
        assertThat(abandoned.get("state").asString()).isEqualTo("failed");
        assertThat(abandoned.get("error").asString()).contains("abandoned");
        assertThat(model(api).get("training").isNull()).isTrue();
    }

    @Test
    @Order(10)
    void aFailedTrainingKeepsTheModelInUse() throws Exception {
        int before = version(api);
        server.refuseNewModels();
        try {
            JsonNode job = api.post("/classification/model/train", Map.of()).json();

            JsonNode failed = finished(api, job.get("id").asString());

            assertThat(failed.get("state").asString()).isEqualTo("failed");
            assertThat(failed.get("error").asString()).contains("refused by the test");
            assertThat(failed.get("examples").asInt()).isGreaterThanOrEqualTo(SECOND_IMPORT);
            assertThat(version(api)).isEqualTo(before);
            assertThat(model(api).get("model").get("version").asInt()).isEqualTo(before);
            String id = api.post(
                            "/tickets",
                            aTicket()
                                    .withSubject(LabelledHistory.subject(1))
                                    .withDescription(LabelledHistory.description(1))
                                    .unclassified()
                                    .build())
                    .json()
                    .get("id")
                    .asString();
            assertThat(api.post("/tickets/" + id + "/classify", Map.of()).status())
                    .isEqualTo(200);
        } finally {
            server.acceptNewModels();
        }
        JsonNode again = finished(
                api,
                api.post("/classification/model/train", Map.of())
                        .json()
                        .get("id")
                        .asString());
        assertThat(again.get("state").asString()).isEqualTo("succeeded");
        assertThat(again.get("model_version").asInt()).isEqualTo(before + 1);
    }

    @Test
    @Order(11)
    void jobsAreFoundByTheirIdOnly() {
        Api.Response unknown = api.get("/classification/model/jobs/" + UUID.randomUUID());
        Api.Response malformed = api.get("/classification/model/jobs/not-a-job");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Training job not found");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"id\"]");
    }

    @Test
    @Order(12)
    void badRequestsToTheModelEndpointsGetAJsonDetail() {
        var answers = List.of(
                api.get("/classification/model/jobs/" + "9".repeat(5000)),
                api.get("/classification/model/jobs/%00%ff"),
                api.send("PUT", "/classification/model", "application/json", "{}", Map.of()),
                api.delete("/classification/model/jobs/" + UUID.randomUUID()),
                api.get("/classification/model/train"),
                api.sendBytes("POST", "/classification/model", "application/octet-stream", new byte[] {0, -1, 2}));

        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(answer.body()).contains("json");
            assertThat(answer.json().has("detail")).as(answer.body()).isTrue();
        }
        // The training takes no input: a body, whatever it holds, changes nothing about it.
        Api.Response withBody =
                api.sendBytes("POST", "/classification/model/train", "application/json", "{\"force\": [".getBytes());
        assertThat(withBody.status()).as(withBody.body()).isEqualTo(202);
        JsonNode done = finished(api, withBody.json().get("id").asString());
        assertThat(done.get("state").asString()).isEqualTo("succeeded");
        // The job is recorded a moment before its instance loads the model: wait for that too.
        Eventually.await(
                "the new model in use",
                () -> version(api),
                v -> v == done.get("model_version").asInt());
    }

    @Test
    @Order(13)
    void aRestartKeepsTheModel() {
        int before = version(api);

        restart(Map.of());

        // Loaded while starting: in use from the first request on.
        assertThat(version(api)).isEqualTo(before);
        assertThat(model(api).get("model").get("cross_validation").isObject()).isTrue();
    }

    @Test
    @Order(14)
    void withTheModelOffTheRulesDecideAloneExactlyAsBefore() {
        restart(Map.of("supportdesk.classifier.model", "off"));

        JsonNode status = model(api);
        Api.Response train = api.post("/classification/model/train", Map.of());
        var decisions = new ArrayList<JsonNode>();
        for (int row = 0; row < 20; row++) {
            String id = api.post(
                            "/tickets",
                            aTicket()
                                    .withSubject(LabelledHistory.subject(row))
                                    .withDescription(LabelledHistory.description(row))
                                    .build())
                    .json()
                    .get("id")
                    .asString();
            decisions.add(api.post("/tickets/" + id + "/classify?apply=false", Map.of())
                    .json());
        }

        assertThat(status.get("enabled").asBoolean()).isFalse();
        assertThat(status.get("model").isNull()).isTrue();
        assertThat(train.status()).isEqualTo(404);
        assertThat(train.json().get("detail").asString()).contains("supportdesk.classifier.model=off");
        for (int row = 0; row < 20; row++) {
            Classification rules = RULES.classify(LabelledHistory.subject(row), LabelledHistory.description(row));
            JsonNode d = decisions.get(row);
            assertThat(d.get("method").asString()).isEqualTo("rules");
            assertThat(d.get("suggested_category").asString()).isEqualTo(rules.category());
            assertThat(d.get("suggested_priority").asString()).isEqualTo(rules.priority());
            assertThat(d.get("confidence").asDouble()).isEqualTo(rules.confidence());
            assertThat(d.get("reasoning").asString()).isEqualTo(rules.reasoning());
        }
    }

    private static long sum(JsonNode node) {
        long sum = 0;
        for (JsonNode value : node) {
            sum += value.isContainer() ? sum(value) : value.asLong();
        }
        return sum;
    }
}
