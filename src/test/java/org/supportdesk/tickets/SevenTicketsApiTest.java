package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.BILLING_QUESTION;
import static org.supportdesk.tickets.Category.BUG_REPORT;
import static org.supportdesk.tickets.Category.OTHER;
import static org.supportdesk.tickets.Category.TECHNICAL_ISSUE;
import static org.supportdesk.tickets.Priority.HIGH;
import static org.supportdesk.tickets.Priority.LOW;
import static org.supportdesk.tickets.Priority.MEDIUM;
import static org.supportdesk.tickets.Priority.URGENT;
import static org.supportdesk.tickets.Status.CLOSED;
import static org.supportdesk.tickets.Status.IN_PROGRESS;
import static org.supportdesk.tickets.Status.NEW;
import static org.supportdesk.tickets.Status.RESOLVED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * Base of the ticket list's full-app tests: seven tickets of one customer of the test's own, in
 * the order the list gives them, and that customer's list. No configuration of its own, so its
 * tests share {@link ApiTest}'s server.
 */
abstract class SevenTicketsApiTest extends ApiTest {

    String customer;
    final List<JsonNode> created = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void sevenTicketsOfOneCustomer() {
        customer = "list-" + UUID.randomUUID();
        List<TicketBody> tickets = List.of(
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(LOW)
                        .withStatus(NEW)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(URGENT)
                        .withStatus(IN_PROGRESS)
                        .withTags("beta"),
                aTicket()
                        .withCategory(TECHNICAL_ISSUE)
                        .withPriority(HIGH)
                        .withStatus(NEW)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BUG_REPORT)
                        .withPriority(MEDIUM)
                        .withStatus(RESOLVED)
                        .withTags("gamma"),
                aTicket()
                        .withCategory(TECHNICAL_ISSUE)
                        .withPriority(URGENT)
                        .withStatus(NEW)
                        .withTags("beta"),
                aTicket()
                        .withCategory(OTHER)
                        .withPriority(LOW)
                        .withStatus(CLOSED)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(HIGH)
                        .withStatus(NEW)
                        .withTags("beta"));
        for (TicketBody ticket : tickets) {
            Api.Response response =
                    api.post("/tickets", ticket.withCustomer(customer).build());
            assertThat(response.status()).isEqualTo(201);
            created.add(response.json());
        }
        // The expected order is the spec's: created_at, ties (same millisecond) by id.
        created.sort(Comparator.comparing((JsonNode t) -> t.get("created_at").asString())
                .thenComparing(t -> t.get("id").asString()));
        created.forEach(t -> ids.add(t.get("id").asString()));
    }

    JsonNode list(String query) {
        Api.Response response = api.get("/tickets?customer_id=" + customer + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(t -> out.add(t.get("id").asString()));
        return out;
    }
}
