package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * A merged ticket is closed for good (docs/CONVERSATIONS.md#merge): the classifier does not change
 * it either. `POST /tickets/{id}/classify` used to apply its decision to a merged ticket (category,
 * priority, version), and `classify-all?force=true` did too.
 */
class MergedTicketsStayClosedTests extends ApiTest {

    /** A lock-out the rules call account_access and high, filed by a person as other and low. */
    private static TicketBody misfiled(String customer) {
        return aTicket()
                .withCustomer(customer)
                .withSubject("Locked out")
                .withDescription("I cannot log in, my password reset link never arrives and I am locked out.")
                .withCategory(Category.OTHER)
                .withPriority(Priority.LOW);
    }

    private String created(TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** The source, merged into a target of the same customer. */
    private String merged(String customer) {
        String target = created(misfiled(customer));
        String source = created(misfiled(customer));
        Api.Response r = api.post("/tickets/" + target + "/merge", Map.of("source_ids", List.of(source)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return source;
    }

    @Test
    void classifyingAMergedTicketIs409AndChangesNothing() {
        String source = merged("merged-" + UUID.randomUUID());
        JsonNode before = api.get("/tickets/" + source).json();
        int events = api.get("/tickets/" + source + "/history").json().size();

        Api.Response r = api.post("/tickets/" + source + "/classify", Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("was merged into");
        assertThat(api.get("/tickets/" + source).json()).isEqualTo(before);
        assertThat(api.get("/tickets/" + source + "/history").json()).hasSize(events);
    }

    @Test
    void aSuggestionForAMergedTicketIsStillGiven() {
        String source = merged("merged-" + UUID.randomUUID());
        JsonNode before = api.get("/tickets/" + source).json();

        Api.Response r = api.post("/tickets/" + source + "/classify?apply=false", Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("applied").asBoolean()).isFalse();
        assertThat(r.json().get("suggested_category").asString()).isEqualTo("account_access");
        assertThat(api.get("/tickets/" + source).json().get("version")).isEqualTo(before.get("version"));
    }

    @Test
    void classifyAllEvenForcedLeavesMergedTicketsAsTheyAre() {
        String customer = "merged-" + UUID.randomUUID();
        String source = merged(customer);
        JsonNode before = api.get("/tickets/" + source).json();

        JsonNode results = api.post("/tickets/classify-all?force=true&customer_id=" + customer, Map.of())
                .json();

        assertThat(results).hasSize(2);
        for (JsonNode result : results) {
            boolean isSource = result.get("ticket_id").asString().equals(source);
            assertThat(result.get("applied").asBoolean()).as(result.toString()).isEqualTo(!isSource);
        }
        JsonNode after = api.get("/tickets/" + source).json();
        assertThat(after.get("category").asString()).isEqualTo("other");
        assertThat(after.get("priority").asString()).isEqualTo("low");
        assertThat(after.get("version")).isEqualTo(before.get("version"));
    }
}
