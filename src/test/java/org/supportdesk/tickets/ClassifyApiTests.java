package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aRefundRequest;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.OTHER;
import static org.supportdesk.tickets.Priority.LOW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

class ClassifyApiTests extends ApiTest {

    private JsonNode create(TicketBody ticket) {
        Api.Response response = api.post("/tickets", ticket.build());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static TicketBody aLockedOutCustomer() {
        return aTicket()
                .withSubject("Cannot log in")
                .withDescription("I am locked out of my account since the password reset.");
    }

    @Test
    void createWithoutCategoryOrPriorityIsClassifiedWithAReason() {
        JsonNode t = create(aRefundRequest());

        assertThat(t.get("category").asString()).isEqualTo("billing_question");
        JsonNode c = t.get("classification");
        assertThat(c.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(c.get("reasoning").asString()).contains("billing_question");
        assertThat(c.get("keywords_found").size()).isPositive();
        assertThat(c.get("method").asString()).isEqualTo("rules");
    }

    @Test
    void createKeepsWhatAPersonGaveUnlessAutoClassifyIsAsked() {
        TicketBody fields = aTicket()
                .withSubject("Charged twice")
                .withDescription("I was charged twice, refund please")
                .withCategory(OTHER);

        JsonNode kept = create(fields);
        JsonNode auto = api.post("/tickets?auto_classify=true", fields.build()).json();

        assertThat(kept.get("category").asString()).isEqualTo("other");
        assertThat(kept.get("classification").isNull()).isTrue();
        assertThat(auto.get("category").asString()).isEqualTo("billing_question");
    }

    @Test
    void classifyAppliesTheResultAndLogsIt() {
        JsonNode t = create(aLockedOutCustomer());
        String path = "/tickets/" + t.get("id").asString();

        Api.Response response = api.post(path + "/classify", Map.of());

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("ticket_id").asString()).isEqualTo(t.get("id").asString());
        assertThat(result.get("suggested_category").asString()).isEqualTo("account_access");
        assertThat(result.get("applied").asBoolean()).isTrue();
        assertThat(result.has("suggested_priority")
                        && result.has("confidence")
                        && result.has("reasoning")
                        && result.has("keywords_found"))
                .isTrue();
        JsonNode after = api.get(path).json();
        assertThat(after.get("category").asString()).isEqualTo("account_access");
        assertThat(after.get("version").asInt()).isEqualTo(2);
        JsonNode last = last(api.get(path + "/history").json());
        assertThat(last.get("action").asString()).isEqualTo("classified");
        assertThat(last.get("classification").get("applied").asBoolean()).isTrue();
        assertThat(last.get("changes").get("category").get("old").asString()).isEqualTo("technical_issue");
    }

    @Test
    void autoClassifyIsAnAliasOfClassify() {
        JsonNode t = create(aTicket());

        assertThat(api.post("/tickets/" + t.get("id").asString() + "/auto-classify", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void dryRunLeavesTheTicketUntouchedButLogsTheSuggestion() {
        JsonNode t = create(aLockedOutCustomer());
        String path = "/tickets/" + t.get("id").asString();

        JsonNode result = api.post(path + "/classify?apply=false", Map.of()).json();

        assertThat(result.get("applied").asBoolean()).isFalse();
        assertThat(api.get(path).json()).isEqualTo(t);
        JsonNode last = last(api.get(path + "/history").json());
        assertThat(last.get("classification").get("applied").asBoolean()).isFalse();
        assertThat(last.get("classification").get("category").asString()).isEqualTo("account_access");
    }

    @Test
    void classifyAllNeverOverwritesAPersonsCorrectionUnlessForced() {
        String customer = "cls-" + UUID.randomUUID();
        JsonNode auto = create(aRefundRequest().withCustomer(customer));
        JsonNode corrected = create(aRefundRequest().withCustomer(customer));
        String correctedPath = "/tickets/" + corrected.get("id").asString();
        api.patch(correctedPath, Map.of("category", "other"));

        JsonNode results = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        assertThat(results.size()).isEqualTo(2);
        assertThat(api.get(correctedPath).json().get("category").asString()).isEqualTo("other");
        assertThat(resultFor(results, corrected).get("suggested_category").asString())
                .isEqualTo("billing_question");
        // Its priority is still the classifier's, so that part of the decision applies.
        assertThat(resultFor(results, auto).get("applied").asBoolean()).isTrue();
        // The decision is on record: the classifier made it when the ticket was created, and made
        // it again now, so classify-all adds no copy of it (SPEC §4).
        JsonNode lastDecision =
                lastClassified(api.get(correctedPath + "/history").json());
        assertThat(lastDecision.get("classification").get("category").asString())
                .isEqualTo("billing_question");

        api.post("/tickets/classify-all?customer_id=" + customer + "&force=true", Map.of());
        assertThat(api.get(correctedPath).json().get("category").asString()).isEqualTo("billing_question");
    }

    @Test
    void classifyAllLeavesTicketsWhoseValuesAreAllAPersonsAlone() {
        String customer = "cls-" + UUID.randomUUID();
        JsonNode t = create(aTicket().withCustomer(customer).withCategory(OTHER).withPriority(LOW));

        JsonNode results = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        assertThat(results.get(0).get("applied").asBoolean()).isFalse();
        assertThat(api.get("/tickets/" + t.get("id").asString()).json()).isEqualTo(t);
    }

    @Test
    void classifyAllWalksMoreThanOneBatch() {
        String customer = "cls-" + UUID.randomUUID();
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        int count = ClassifyAll.BATCH + 7;
        for (int i = 0; i < count; i++) {
            csv.append(customer).append(",a@example.com,Ann,Refund,Please refund the duplicate payment\n");
        }
        api.sendBytes(
                "POST", "/import/csv", "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode results = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        var ids = new ArrayList<String>();
        results.forEach(r -> ids.add(r.get("ticket_id").asString()));
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    void classifyAllLogsADecisionForEveryPersonsTicketAcrossBatchesOnceOnly() {
        // Every batch writes (a decision logged per ticket), so batches share a transaction.
        String customer = "cls-" + UUID.randomUUID();
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description,category,priority\n");
        int count = 2 * ClassifyAll.BATCH + 3;
        for (int i = 0; i < count; i++) {
            csv.append(customer)
                    .append(",a@example.com,Ann,Refund ")
                    .append(i)
                    .append(",Please refund the duplicate payment,other,low\n");
        }
        api.sendBytes(
                "POST", "/import/csv", "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode results = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        var ids = new ArrayList<String>();
        results.forEach(r -> {
            ids.add(r.get("ticket_id").asString());
            assertThat(r.get("applied").asBoolean()).isFalse();
        });
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        for (String id : List.of(ids.get(0), ids.get(ClassifyAll.BATCH), ids.get(count - 1))) {
            JsonNode history = api.get("/tickets/" + id + "/history").json();
            assertThat(classifiedEvents(history)).as(id).isEqualTo(1);
            assertThat(api.get("/tickets/" + id).json().get("category").asString())
                    .isEqualTo("other");
        }
        api.post("/tickets/classify-all?customer_id=" + customer, Map.of());
        JsonNode last = api.get("/tickets/" + ids.get(count - 1) + "/history").json();
        assertThat(classifiedEvents(last)).isEqualTo(1);
    }

    private static long classifiedEvents(JsonNode history) {
        long n = 0;
        for (JsonNode event : history) {
            if ("classified".equals(event.path("action").asString())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void classifyAnswers404And422LikeTheOtherEndpoints() {
        assertThat(api.post("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6/classify", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/tickets/nope/classify", Map.of()).status()).isEqualTo(422);
        assertThat(api.post("/tickets/classify-all?status=open", Map.of()).status())
                .isEqualTo(422);
        assertThat(api.post("/tickets/classify-all?force=maybe", Map.of()).status())
                .isEqualTo(422);
    }

    @Test
    void classifyAllAgainOverAnUnchangedStoreWritesNothing() {
        String customer = "cls-" + UUID.randomUUID();
        String auto = create(aRefundRequest().withCustomer(customer)).get("id").asString();
        String corrected =
                create(aRefundRequest().withCustomer(customer)).get("id").asString();
        api.patch("/tickets/" + corrected, Map.of("category", "other"));
        String persons = create(
                        aTicket().withCustomer(customer).withCategory(OTHER).withPriority(LOW))
                .get("id")
                .asString();
        api.post("/tickets/classify-all?customer_id=" + customer, Map.of());
        Map<String, JsonNode> tickets = new java.util.HashMap<>();
        Map<String, JsonNode> histories = new java.util.HashMap<>();
        for (String id : List.of(auto, corrected, persons)) {
            tickets.put(id, api.get("/tickets/" + id).json());
            histories.put(id, api.get("/tickets/" + id + "/history").json());
        }

        JsonNode again = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        assertThat(again.size()).isEqualTo(3);
        for (String id : List.of(auto, corrected, persons)) {
            assertThat(api.get("/tickets/" + id).json()).as("ticket").isEqualTo(tickets.get(id));
            assertThat(api.get("/tickets/" + id + "/history").json())
                    .as("history")
                    .isEqualTo(histories.get(id));
        }
        var applied = new java.util.HashMap<String, Boolean>();
        again.forEach(
                r -> applied.put(r.get("ticket_id").asString(), r.get("applied").asBoolean()));
        assertThat(applied)
                .containsEntry(auto, true)
                .containsEntry(corrected, true)
                .containsEntry(persons, false);
    }

    @Test
    void classifyAllLogsADecisionOnATicketAPersonOwnsOnlyWhenItDiffersFromTheLastOne() {
        String customer = "cls-" + UUID.randomUUID();
        JsonNode t = create(
                aRefundRequest().withCustomer(customer).withCategory(OTHER).withPriority(LOW));
        String path = "/tickets/" + t.get("id").asString();
        String classifyAll = "/tickets/classify-all?customer_id=" + customer;

        api.post(classifyAll, Map.of());
        api.post(classifyAll, Map.of());
        JsonNode logged = api.get(path + "/history").json();
        api.patch(path, Map.of("description", "I am locked out of my account since the password reset."));
        api.post(classifyAll, Map.of());
        JsonNode relogged = api.get(path + "/history").json();

        assertThat(logged.size()).isEqualTo(2);
        assertThat(logged.get(1).get("classification").get("category").asString())
                .isEqualTo("billing_question");
        assertThat(logged.get(1).get("classification").get("applied").asBoolean())
                .isFalse();
        assertThat(relogged.size()).isEqualTo(4);
        assertThat(relogged.get(3).get("action").asString()).isEqualTo("classified");
        assertThat(relogged.get(3).get("classification").get("keywords_found"))
                .isNotEqualTo(logged.get(1).get("classification").get("keywords_found"));
        assertThat(api.get(path).json().get("category").asString()).isEqualTo("other");
    }

    @Test
    void aForcedClassifyAllTakesOverOnceAndThenWritesNothing() {
        String customer = "cls-" + UUID.randomUUID();
        JsonNode t = create(
                aRefundRequest().withCustomer(customer).withCategory(OTHER).withPriority(LOW));
        String path = "/tickets/" + t.get("id").asString();
        String forced = "/tickets/classify-all?force=true&customer_id=" + customer;

        api.post(forced, Map.of());
        JsonNode taken = api.get(path).json();
        int events = api.get(path + "/history").json().size();
        JsonNode again = api.post(forced, Map.of()).json();

        assertThat(taken.get("category").asString()).isEqualTo("billing_question");
        assertThat(taken.get("version").asInt()).isEqualTo(2);
        assertThat(again.get(0).get("applied").asBoolean()).isTrue();
        assertThat(api.get(path).json()).isEqualTo(taken);
        assertThat(api.get(path + "/history").json().size()).isEqualTo(events);
    }

    private static JsonNode resultFor(JsonNode results, JsonNode ticket) {
        for (JsonNode r : results) {
            if (r.get("ticket_id").asString().equals(ticket.get("id").asString())) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ticket.get("id"));
    }

    private static JsonNode lastClassified(JsonNode history) {
        JsonNode found = null;
        for (JsonNode event : history) {
            if (event.get("action").asString().equals("classified")) {
                found = event;
            }
        }
        assertThat(found).as("a classified event").isNotNull();
        return found;
    }

    private static JsonNode last(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.get(all.size() - 1);
    }
}
