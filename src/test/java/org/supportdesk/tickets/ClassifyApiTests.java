package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBodies.REMOVE;
import static org.supportdesk.TicketBodies.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

class ClassifyApiTests extends ApiTest {

    private JsonNode create(Object... fields) {
        Api.Response response = api.post("/tickets", ticket(fields));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static Object[] refundRequest(String customer) {
        return new Object[] {
            "customer_id", customer,
            "subject", "Charged twice this month",
            "description", "My card was charged twice for the same invoice, please refund one payment.",
            "category", REMOVE,
            "priority", REMOVE
        };
    }

    @Test
    void createWithoutCategoryOrPriorityIsClassifiedWithAReason() {
        JsonNode t = create(refundRequest("cls-" + UUID.randomUUID()));

        assertThat(t.get("category").asString()).isEqualTo("billing_question");
        JsonNode c = t.get("classification");
        assertThat(c.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(c.get("reasoning").asString()).contains("billing_question");
        assertThat(c.get("keywords_found").size()).isPositive();
        assertThat(c.get("method").asString()).isEqualTo("rules");
    }

    @Test
    void createKeepsWhatAPersonGaveUnlessAutoClassifyIsAsked() {
        Object[] fields = {
            "subject", "Charged twice", "description", "I was charged twice, refund please", "category", "other"
        };

        JsonNode kept = create(fields);
        JsonNode auto = api.post("/tickets?auto_classify=true", ticket(fields)).json();

        assertThat(kept.get("category").asString()).isEqualTo("other");
        assertThat(kept.get("classification").isNull()).isTrue();
        assertThat(auto.get("category").asString()).isEqualTo("billing_question");
    }

    @Test
    void classifyAppliesTheResultAndLogsIt() {
        JsonNode t = create(
                "subject", "Cannot log in", "description", "I am locked out of my account since the password reset.");
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
        JsonNode t = create();

        assertThat(api.post("/tickets/" + t.get("id").asString() + "/auto-classify", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void dryRunLeavesTheTicketUntouchedButLogsTheSuggestion() {
        JsonNode t = create(
                "subject", "Cannot log in", "description", "I am locked out of my account since the password reset.");
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
        JsonNode auto = create(refundRequest(customer));
        JsonNode corrected = create(refundRequest(customer));
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
        JsonNode lastOfCorrected = last(api.get(correctedPath + "/history").json());
        assertThat(lastOfCorrected.get("action").asString()).isEqualTo("classified");

        api.post("/tickets/classify-all?customer_id=" + customer + "&force=true", Map.of());
        assertThat(api.get(correctedPath).json().get("category").asString()).isEqualTo("billing_question");
    }

    @Test
    void classifyAllLeavesTicketsWhoseValuesAreAllAPersonsAlone() {
        String customer = "cls-" + UUID.randomUUID();
        JsonNode t = create("customer_id", customer, "category", "other", "priority", "low");

        JsonNode results = api.post("/tickets/classify-all?customer_id=" + customer, Map.of())
                .json();

        assertThat(results.get(0).get("applied").asBoolean()).isFalse();
        assertThat(api.get("/tickets/" + t.get("id").asString()).json()).isEqualTo(t);
    }

    @Test
    void classifyAllWalksMoreThanOneBatch() {
        String customer = "cls-" + UUID.randomUUID();
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        int count = ClassifyService.BATCH + 7;
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

    private static JsonNode resultFor(JsonNode results, JsonNode ticket) {
        for (JsonNode r : results) {
            if (r.get("ticket_id").asString().equals(ticket.get("id").asString())) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ticket.get("id"));
    }

    private static JsonNode last(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.get(all.size() - 1);
    }
}
