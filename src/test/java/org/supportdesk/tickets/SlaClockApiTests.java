package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aReply;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * The SLA clocks of one ticket with the default targets, on a server whose clock the test moves:
 * due times, the first reply, pauses while waiting on the customer, priority changes and
 * resolutions. No sleeps.
 */
class SlaClockApiTests extends SlaApiTest {

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
}
