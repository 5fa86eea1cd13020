package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aRefundRequest;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.OTHER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * One ticket classified over real HTTP: at creation unless a person gave the values, on request
 * with its log in the history, as a dry run, and the errors of the endpoint.
 */
class TicketClassifyApiTests extends TicketApiTest {

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

    private static JsonNode last(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.get(all.size() - 1);
    }
}
