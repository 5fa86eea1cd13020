package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aRefundRequest;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.OTHER;
import static org.supportdesk.tickets.Priority.LOW;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.CommentBody;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * The stats' counts (category, priority, status and the SLA outcomes) follow every kind of change
 * to a ticket: on SQLite the service moves updated tickets between them itself, on PostgreSQL the
 * triggers do. Each step is checked against counting the rows.
 */
class CountsFollowEveryUpdateTests extends ApiTest {

    private final String customer = "counts-" + UUID.randomUUID();

    private String create(TicketBody body) {
        Api.Response r = api.post("/tickets", body.withCustomer(customer).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }

    /** The counts table's stats equal the stats counted from the rows, for a few filters. */
    private void assertCountsAgreeWithTheRows(String after) {
        for (String filter : List.of("", "?category=other", "?status=closed", "?priority=urgent&status=resolved")) {
            JsonNode fast = api.get("/tickets/stats" + filter).json();
            // A created_after far in the past matches every ticket but forces a real count.
            String sep = filter.isEmpty() ? "?" : "&";
            JsonNode counted = api.get("/tickets/stats" + filter + sep + "created_after=2000-01-01")
                    .json();
            assertThat(fast).as(after + ", stats" + filter).isEqualTo(counted);
        }
    }

    @Test
    void everyKindOfUpdateMovesTheTicketBetweenTheCounts() {
        String edited = create(aTicket().withCategory(OTHER).withPriority(LOW));
        String classified = create(aRefundRequest().withCategory(OTHER).withPriority(LOW));
        String commented = create(aTicket().with("status", "resolved"));
        String source = create(aTicket());
        String target = create(aTicket());
        assertCountsAgreeWithTheRows("created");

        ok(api.patch("/tickets/" + edited, Map.of("status", "in_progress", "priority", "urgent")));
        assertCountsAgreeWithTheRows("patched");
        ok(api.patch("/tickets/" + edited, Map.of("status", "resolved", "category", "bug_report")));
        assertCountsAgreeWithTheRows("resolved (the SLA outcomes)");
        ok(api.put(
                "/tickets/" + edited,
                aTicket().withCategory(OTHER).withPriority(LOW).build()));
        assertCountsAgreeWithTheRows("replaced");

        ok(api.post("/tickets/" + classified + "/classify", Map.of()));
        assertCountsAgreeWithTheRows("classified one");
        ok(api.patch("/tickets/" + classified, Map.of("category", "other", "priority", "low")));
        ok(api.post("/tickets/classify-all?force=true&customer_id=" + customer, Map.of()));
        assertCountsAgreeWithTheRows("classify-all forced");

        ok(api.post(
                "/tickets/" + commented + "/comments",
                CommentBody.aCustomerMessage("Still broken").build()));
        assertCountsAgreeWithTheRows("reopened by a comment");

        ok(api.post("/tickets/" + target + "/merge", Map.of("source_ids", List.of(source))));
        assertCountsAgreeWithTheRows("merged");

        assertThat(api.delete("/tickets/" + target).status()).isEqualTo(204);
        assertCountsAgreeWithTheRows("deleted");
    }
}
