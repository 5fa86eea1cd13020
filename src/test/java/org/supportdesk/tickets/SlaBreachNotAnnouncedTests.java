package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aReply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.system.Timestamps;
import org.supportdesk.webhooks.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * No `sla.breached` where no target was missed or the news is old, on a server whose clock the
 * test moves: a pause while waiting on the customer, a target met, a breach over thirty days old,
 * a ticket imported already overdue.
 */
class SlaBreachNotAnnouncedTests extends SlaBreachWebhookTest {

    @Test
    void aTicketWaitingOnTheCustomerDoesNotBreachAndItsMovedDueTimeDoesWhenItResumes() {
        subscribe(BREACHED);
        JsonNode created = ticket("urgent", "waiting_customer");
        String id = created.get("id").asString();

        clock.advance(Duration.ofHours(5));
        check.run();
        settle();
        assertThat(receiver.received(breachOf(id))).isEmpty();

        JsonNode resumed =
                api.patch("/tickets/" + id, Map.of("status", "in_progress")).json();
        Instant moved = at(resumed.get("sla").get("first_response_due_at"));
        assertThat(moved).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        clock.set(moved.plusSeconds(1));
        check.run();

        Receiver.Request got = receiver.await(1, breachOf(id)).get(0);
        assertThat(at(got.json().get("due_at"))).isEqualTo(moved);
    }

    @Test
    void aResolvedOrAnsweredTargetDoesNotBreach() {
        subscribe(BREACHED);
        String resolved = ticket("urgent", "new").get("id").asString();
        String answered = ticket("urgent", "new").get("id").asString();
        clock.advance(Duration.ofMinutes(30));
        api.patch("/tickets/" + resolved, Map.of("status", "resolved"));
        api.post("/tickets/" + answered + "/comments", aReply("On it").build());

        clock.advance(Duration.ofHours(3));
        check.run();
        settle();

        assertThat(receiver.received(breachOf(resolved))).isEmpty();
        assertThat(receiver.received(breachOf(answered))).isEmpty();
    }

    @Test
    void aBreachMoreThanThirtyDaysOldIsNotAnnounced() {
        subscribe(BREACHED);
        String id = ticket("urgent", "new").get("id").asString();
        check.run();

        // As after a month with the service stopped.
        clock.advance(Duration.ofDays(31));
        check.run();
        settle();

        assertThat(receiver.received(breachOf(id))).isEmpty();
    }

    @Test
    void aTicketImportedAlreadyOverdueIsNotAnnounced() {
        subscribe(BREACHED);
        check.run();
        String id = UUID.randomUUID().toString();
        String created = Timestamps.format(clock.instant().minus(Duration.ofDays(2)));
        Api.Response imported = api.sendBytes(
                "POST",
                "/import/json",
                "application/json",
                ("[{\"id\":\"" + id + "\",\"customer_id\":\"c\",\"customer_email\":\"a@example.com\","
                                + "\"customer_name\":\"A\",\"subject\":\"Old\",\"description\":\"Still open\","
                                + "\"category\":\"other\",\"priority\":\"urgent\",\"status\":\"new\","
                                + "\"created_at\":\"" + created + "\",\"updated_at\":\"" + created + "\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        check.run();
        settle();

        assertThat(api.get("/tickets/" + id).json().get("sla").get("breached").size())
                .isEqualTo(2);
        assertThat(receiver.received(breachOf(id))).isEmpty();
    }
}
