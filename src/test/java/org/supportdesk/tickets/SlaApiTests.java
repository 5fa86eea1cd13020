package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The SLA clocks with the default targets, around the clock, on a server whose clock the test
 * moves: due times, breaches, pauses while waiting on the customer, priority changes, the list
 * filter and sort, the stats. No sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
class SlaApiTests {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        OnMovableClock.register(registry, "supportdesk-sla", T);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    Api api;
    String customer;

    @BeforeEach
    void start() {
        api = new Api(port);
        clock.set(T);
        customer = "sla-" + UUID.randomUUID();
    }

    private String ticket(String priority, String status) {
        Api.Response r = api.post(
                "/tickets",
                aTicket()
                        .withCustomer(customer)
                        .with("priority", priority)
                        .with("status", status)
                        .build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private JsonNode sla(String id) {
        return api.get("/tickets/" + id).json().get("sla");
    }

    private void at(String offset) {
        clock.set(T.plus(Duration.parse("PT" + offset)));
    }

    private void status(String id, String status) {
        Api.Response r = api.patch("/tickets/" + id, Map.of("status", status));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<String> list(String query) {
        var ids = new ArrayList<String>();
        api.get("/tickets?customer_id=" + customer + "&" + query)
                .json()
                .get("items")
                .forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void dueTimesFollowThePriorityTargets() {
        String urgent = ticket("urgent", "new");
        String low = ticket("low", "new");

        assertThat(sla(urgent).toString())
                .isEqualTo("{\"first_response_due_at\":\"2026-11-23T11:00:00.000Z\","
                        + "\"resolution_due_at\":\"2026-11-23T14:00:00.000Z\",\"breached\":[],\"paused\":false}");
        assertThat(sla(low).get("first_response_due_at").asString()).isEqualTo("2026-11-24T10:00:00.000Z");
        assertThat(sla(low).get("resolution_due_at").asString()).isEqualTo("2026-11-30T10:00:00.000Z");
    }

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
    void theFirstPublicReplyStopsTheFirstResponseClock() {
        String id = ticket("urgent", "new");
        at("30M");
        api.post("/tickets/" + id + "/comments", aReply("On it").build());

        at("2H");
        assertThat(sla(id).get("breached").size()).isZero();
        assertThat(list("sla=breached")).isEmpty();

        at("4H1S");
        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"resolution\"]");
        assertThat(list("sla=breached")).containsExactly(id);
    }

    @Test
    void aReplyAfterTheDueTimeLeavesTheTargetBreached() {
        String id = ticket("urgent", "new");
        at("2H");

        api.post("/tickets/" + id + "/comments", aReply("Sorry for the wait").build());

        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"first_response\"]");
        JsonNode stats =
                api.get("/tickets/stats?customer_id=" + customer).json().get("sla");
        assertThat(stats.get("first_response").toString()).isEqualTo("{\"achieved\":0,\"missed\":1}");
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksAndTheDueTimesMoveWhenItEnds() {
        String id = ticket("urgent", "new");
        at("30M");
        status(id, "waiting_customer");

        at("3H30M");
        assertThat(sla(id).get("paused").asBoolean()).isTrue();
        assertThat(sla(id).get("breached").size()).isZero();
        assertThat(list("sla=breached")).isEmpty();
        status(id, "in_progress");

        JsonNode moved = sla(id);
        assertThat(moved.get("paused").asBoolean()).isFalse();
        assertThat(moved.get("first_response_due_at").asString()).isEqualTo("2026-11-23T14:00:00.000Z");
        assertThat(moved.get("resolution_due_at").asString()).isEqualTo("2026-11-23T17:00:00.000Z");
        at("4H0.001S");
        assertThat(list("sla=breached")).containsExactly(id);
    }

    @Test
    void aCustomersReplyEndsThePauseToo() {
        String id = ticket("urgent", "waiting_customer");
        assertThat(sla(id).get("paused").asBoolean()).isTrue();

        at("5H");
        api.post(
                "/tickets/" + id + "/comments",
                aCustomerMessage("Here is the log you asked for").build());

        JsonNode ticket = api.get("/tickets/" + id).json();
        assertThat(ticket.get("status").asString()).isEqualTo("in_progress");
        assertThat(ticket.get("sla").get("first_response_due_at").asString()).isEqualTo("2026-11-23T16:00:00.000Z");
    }

    @Test
    void aTargetBreachedBeforeAPauseStaysBreachedAndKeepsItsDueTime() {
        String id = ticket("urgent", "new");
        at("2H");
        status(id, "waiting_customer");

        at("3H");
        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"first_response\"]");
        assertThat(list("sla=breached")).containsExactly(id);
        status(id, "in_progress");

        JsonNode after = sla(id);
        assertThat(after.get("first_response_due_at").asString()).isEqualTo("2026-11-23T11:00:00.000Z");
        assertThat(after.get("resolution_due_at").asString()).isEqualTo("2026-11-23T15:00:00.000Z");
    }

    @Test
    void changingThePriorityComputesTheDueTimesAgainFromCreation() {
        String id = ticket("medium", "new");
        at("2H");

        Api.Response r = api.patch("/tickets/" + id, Map.of("priority", "urgent"));

        assertThat(r.json().get("sla").get("first_response_due_at").asString()).isEqualTo("2026-11-23T11:00:00.000Z");
        assertThat(r.json().get("sla").get("breached").toString()).isEqualTo("[\"first_response\"]");
        assertThat(list("sla=breached")).containsExactly(id);
    }

    @Test
    void aResolvedTicketIsNoLongerOverdueButALateResolutionCountsAsMissed() {
        String late = ticket("urgent", "in_progress");
        String onTime = ticket("urgent", "in_progress");
        at("30M");
        api.post("/tickets/" + onTime + "/comments", aReply("Fixed").build());
        status(onTime, "resolved");

        at("5H");
        status(late, "resolved");

        assertThat(sla(late).get("breached").toString()).isEqualTo("[\"first_response\",\"resolution\"]");
        assertThat(sla(onTime).get("breached").size()).isZero();
        assertThat(list("sla=breached")).isEmpty();
        JsonNode stats =
                api.get("/tickets/stats?customer_id=" + customer).json().get("sla");
        assertThat(stats.toString())
                .isEqualTo("{\"breached\":0,\"due_soon\":0,\"first_response\":{\"achieved\":1,\"missed\":1},"
                        + "\"resolution\":{\"achieved\":1,\"missed\":1}}");
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
