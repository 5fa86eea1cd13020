package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * Tickets found by their SLA clocks, on a server whose clock the test moves: the list's filter,
 * search field and sort, the walk of the index, the stats and the metrics gauge. No sleeps.
 */
class SlaListApiTests extends SlaApiTest {

    @Test
    void anOverdueUrgentTicketShowsUnderSlaBreachedAndOneAboutToBeUnderDueSoon() {
        String urgent = ticket("urgent", "new");
        String high = ticket("high", "new");

        at("1H0.001S");
        assertThat(list("sla=breached")).containsExactly(urgent);
        assertThat(sla(urgent).get("breached").toString()).isEqualTo("[\"first_response\"]");
        assertThat(list("sla=due_soon")).isEmpty();

        at("3H30M");
        assertThat(list("sla=due_soon")).containsExactly(high);
        assertThat(list("sla=breached")).containsExactly(urgent);
        assertThat(list("sla=breached&priority=high")).isEmpty();
    }

    @Test
    void theSearchFieldSlaFindsWhatTheSlaFilterFinds() {
        String urgent = ticket("urgent", "new");
        String high = ticket("high", "new");

        at("3H30M");
        assertThat(list("q=" + enc("sla:breached"))).containsExactly(urgent);
        assertThat(list("q=" + enc("sla:due_soon"))).containsExactly(high);
        assertThat(list("q=" + enc("sla:breached priority:high"))).isEmpty();
        assertThat(api.get("/tickets?q=" + enc("sla:whenever")).status()).isEqualTo(422);
    }

    private static String enc(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void sortBySlaDueAtPutsTheMostOverdueFirstAndTicketsWithoutAClockLast() {
        String low = ticket("low", "new");
        String done = ticket("urgent", "closed");
        String urgent = ticket("urgent", "new");
        at("10M");
        String high = ticket("high", "new");

        assertThat(list("sort=sla_due_at")).containsExactly(urgent, high, low, done);
        assertThat(list("sort=sla_due_at&order=desc")).containsExactly(done, low, high, urgent);
        JsonNode first = api.get("/tickets?customer_id=" + customer + "&sort=sla_due_at&limit=2")
                .json();
        String cursor = first.get("next_cursor").asString();
        JsonNode second = api.get("/tickets?customer_id=" + customer + "&sort=sla_due_at&limit=2&cursor=" + cursor)
                .json();
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(low);
        assertThat(second.get("items").get(1).get("id").asString()).isEqualTo(done);
    }

    @Test
    void statsCountWhatIsOverdueAndDueSoonNow() {
        ticket("urgent", "new");
        ticket("urgent", "new");
        ticket("high", "new");
        at("3H30M");

        JsonNode stats = api.get("/tickets/stats?customer_id=" + customer).json();

        assertThat(stats.get("sla").get("breached").asLong()).isEqualTo(2);
        assertThat(stats.get("sla").get("due_soon").asLong()).isEqualTo(1);
        assertThat(api.get("/tickets/stats?customer_id=" + customer + "&sla=breached")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Autowired
    TicketStore store;

    @Test
    void aPageWalkingTheIndexOfItsOrderFindsWhatOneReadFromTheSlaIndexFinds() {
        for (String p : List.of("urgent", "low", "urgent", "high", "urgent", "medium", "urgent")) {
            ticket(p, "new");
        }
        at("5H");
        var mine = new TicketFilter(null, null, null, null, customer, null, null, null, null, null);
        for (var kind : SlaCondition.Kind.values()) {
            var filter = mine.withSla(SlaCondition.of(kind, clock.instant(), Duration.ofHours(24)));
            for (var sort : TicketQuery.Sort.values()) {
                if (sort == TicketQuery.Sort.RELEVANCE) {
                    continue; // a search's order: no `q` here
                }
                for (boolean descending : List.of(false, true)) {
                    var first = new TicketQuery(filter, sort, descending, 2, null);
                    List<Ticket> fromSlaIndex = store.page(first, 0);
                    List<Ticket> walked = store.page(first, Long.MAX_VALUE);
                    assertThat(ids(walked)).as(kind + " " + sort).isEqualTo(ids(fromSlaIndex));
                    assertThat(walked).isNotEmpty();
                    var next = new TicketQuery(
                            filter, sort, descending, 10, new TicketQuery.Cursor(sort, descending, walked.get(0)));
                    assertThat(ids(store.page(next, Long.MAX_VALUE))).isEqualTo(ids(store.page(next, 0)));
                }
            }
        }
        assertThat(store.page(
                        new TicketQuery(
                                mine.withSla(SlaCondition.of(
                                        SlaCondition.Kind.BREACHED, clock.instant(), Duration.ofHours(1))),
                                TicketQuery.Sort.CREATED_AT,
                                false,
                                10,
                                null),
                        Long.MAX_VALUE))
                .hasSize(5); // four urgent (1 h) and one high (4 h) first responses overdue
    }

    private static List<UUID> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::id).toList();
    }

    @Test
    void theMetricsGaugeCountsWhatIsOverdueNow() {
        ticket("urgent", "new");
        at("1H0.001S");
        long overdue =
                api.get("/tickets?sla=breached&limit=1").json().get("total").asLong();

        // The gauges read the counts at most once a second: poll until they have caught up.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        double gauge = breachedGauge();
        while (gauge != overdue && System.nanoTime() < deadline) {
            gauge = breachedGauge();
        }

        assertThat(overdue).isPositive();
        assertThat(gauge).isEqualTo((double) overdue);
    }

    private double breachedGauge() {
        return api.metric("supportdesk_sla_breached");
    }

    @Test
    void anUnknownSlaFilterOrSortIs422() {
        Api.Response r = api.get("/tickets?sla=late&sort=due");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"sla\"]");
        assertThat(r.json().get("detail").get(0).get("msg").asString())
                .isEqualTo("Input should be 'breached' or 'due_soon'");
    }
}
