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
import tools.jackson.databind.JsonNode;

/**
 * Every ticket classified at once over real HTTP: a person's values kept unless forced, batches
 * walked, one decision logged a ticket, and nothing written again over an unchanged store.
 */
class ClassifyAllApiTests extends TicketApiTest {

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
}
