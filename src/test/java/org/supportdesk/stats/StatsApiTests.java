package org.supportdesk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.BILLING_QUESTION;
import static org.supportdesk.tickets.Priority.LOW;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The counts behind `GET /tickets/stats` are kept as tickets are written (on SQLite partly by the
 * service itself): whatever the writes, they must equal counting the rows.
 */
class StatsApiTests extends ApiTest {

    private JsonNode stats() {
        return api.get("/tickets/stats").json();
    }

    /** The same figures counted from the rows: a created_after filter bypasses the counts. */
    private JsonNode counted() {
        return api.get("/tickets/stats?created_after=2000-01-01").json();
    }

    @Test
    void countsFollowCreatesImportsEditsAndDeletes() {
        String customer = "stats-" + UUID.randomUUID();
        JsonNode before = stats();
        String kept = api.post(
                        "/tickets",
                        aTicket()
                                .withCustomer(customer)
                                .withCategory(BILLING_QUESTION)
                                .build())
                .json()
                .get("id")
                .asString();
        String deleted = api.post(
                        "/tickets",
                        aTicket().withCustomer(customer).withPriority(LOW).build())
                .json()
                .get("id")
                .asString();
        String csv = "customer_id,customer_email,customer_name,subject,description,category,priority,status\n"
                + customer + ",a@example.com,Ann,Refund,I was charged twice please refund,,,\n"
                + customer + ",b@example.com,Bob,Crash,The app crashes on start,bug_report,urgent,closed\n"
                + customer + ",c@example.com,Cy,Idea,It would be nice to have dark mode,feature_request,low,\n";
        assertThat(api.send("POST", "/import/csv", "text/csv", csv, Map.of())
                        .json()
                        .get("success_count")
                        .asInt())
                .isEqualTo(3);
        api.patch("/tickets/" + kept, Map.of("status", "resolved", "priority", "urgent"));
        assertThat(api.delete("/tickets/" + deleted).status()).isEqualTo(204);

        JsonNode after = stats();

        assertThat(after).isEqualTo(counted());
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(4);
        assertThat(delta(before, after, "by_category", "bug_report")).isEqualTo(1);
        assertThat(delta(before, after, "by_category", "feature_request")).isEqualTo(1);
        assertThat(delta(before, after, "by_status", "closed")).isEqualTo(1);
        assertThat(delta(before, after, "by_status", "resolved")).isEqualTo(1);
        assertThat(delta(before, after, "by_priority", "urgent")).isEqualTo(2);
    }

    private static long delta(JsonNode before, JsonNode after, String group, String key) {
        return after.get(group).get(key).asLong() - before.get(group).get(key).asLong();
    }
}
