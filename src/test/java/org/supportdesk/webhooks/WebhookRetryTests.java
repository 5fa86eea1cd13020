package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.webhooks.Receiver.about;
import static org.supportdesk.webhooks.Receiver.types;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries that fail, to a real receiver on loopback, on a server whose clock the test moves:
 * retries with growing waits, timeouts, a webhook disabled after a day of failures, and the
 * counters of both.
 */
class WebhookRetryTests extends WebhookDeliveryTest {

    @Test
    void aRefusedAnswerIsRetriedWithGrowingWaitsAndLaterChangesOfTheTicketWait() {
        String webhook = register("ticket.created", "ticket.updated");
        receiver.answer(500, 503);
        String ticket = newTicket("retry-" + UUID.randomUUID());
        JsonNode first = awaitAttempts(webhook, 1);
        assertThat(first.get("attempts").get(0).get("status_code").asInt()).isEqualTo(500);
        assertThat(first.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500");
        assertThat(first.get("state").asString()).isEqualTo("pending");
        assertThat(first.get("next_attempt_at").asString())
                .isEqualTo(
                        org.supportdesk.system.Timestamps.format(clock.instant().plusSeconds(10)));
        api.patch("/tickets/" + ticket, Map.of("assigned_to", "waits-its-turn"));

        clock.advance(Duration.ofSeconds(10));
        receiver.await(2, about(ticket));
        awaitAttempts(webhook, 1, 2);
        // The update is due, but not before the creation, which waits another 20 s.
        assertThat(types(receiver.received(about(ticket)))).containsExactly("ticket.created", "ticket.created");
        clock.advance(Duration.ofSeconds(20));

        List<Receiver.Request> got = receiver.await(4, about(ticket));
        assertThat(types(got)).containsExactly("ticket.created", "ticket.created", "ticket.created", "ticket.updated");
        assertThat(deliveries(webhook).get(1).get("attempts").size()).isEqualTo(3);
        assertThat(deliveries(webhook).get(1).get("state").asString()).isEqualTo("delivered");
    }

    @Test
    void aSlowReceiverTimesOutAndIsTriedAgain() {
        String webhook = register("ticket.created");
        receiver.delay(Duration.ofSeconds(3));
        String ticket = newTicket("slow-" + UUID.randomUUID());

        JsonNode first = awaitAttempts(webhook, 1);
        assertThat(first.get("attempts").get(0).get("error").asString())
                .as(first.toString())
                .isEqualTo("No answer within 1000 ms");
        assertThat(first.get("attempts").get(0).has("status_code")).isTrue();
        assertThat(first.get("attempts").get(0).get("status_code").isNull()).isTrue();
        receiver.delay(Duration.ZERO);
        clock.advance(Duration.ofSeconds(10));

        assertThat(awaitAttempts(webhook, 2).get("state").asString()).isEqualTo("delivered");
        assertThat(receiver.received(about(ticket))).hasSize(2);
    }

    @Test
    void aWebhookThatKeepsFailingForADayIsDisabledWithTheReasonAndCanBeEnabledAgain() {
        String webhook = register("ticket.created");
        receiver.answer(500, 500);
        newTicket("failing-" + UUID.randomUUID());
        awaitAttempts(webhook, 1);
        double gaveUp = meters.counter(
                        "supportdesk.webhook.deliveries", "event", "ticket.created", "outcome", "gave_up")
                .count();

        clock.advance(Duration.ofHours(24));
        JsonNode failed = awaitAttempts(webhook, 2);

        assertThat(failed.get("state").asString()).isEqualTo("failed");
        JsonNode w = api.get("/webhooks/" + webhook).json();
        assertThat(w.get("enabled").asBoolean()).isFalse();
        assertThat(w.get("disabled_reason").asString()).contains("24 h", "HTTP 500");
        assertThat(meters.counter("supportdesk.webhook.deliveries", "event", "ticket.created", "outcome", "gave_up")
                        .count())
                .isEqualTo(gaveUp + 1);
        String whileOff = newTicket("while-off-" + UUID.randomUUID());
        assertThat(receiver.received(about(whileOff))).isEmpty();

        JsonNode on = api.patch("/webhooks/" + webhook, Map.of("enabled", true)).json();
        assertThat(on.get("enabled").asBoolean()).isTrue();
        assertThat(on.get("disabled_reason").isNull()).isTrue();
        String afterwards = newTicket("enabled-again-" + UUID.randomUUID());
        receiver.await(1, about(afterwards));
    }

    @Test
    void deliveriesAndFailuresAreCounted() {
        String webhook = register("ticket.created");
        double delivered = meters.counter(
                        "supportdesk.webhook.deliveries", "event", "ticket.created", "outcome", "delivered")
                .count();
        double failed = meters.counter(
                        "supportdesk.webhook.failures", "event", "ticket.created", "reason", "http_status")
                .count();
        receiver.answer(500);
        String ticket = newTicket("counted-" + UUID.randomUUID());
        awaitAttempts(webhook, 1);
        clock.advance(Duration.ofSeconds(10));
        receiver.await(2, about(ticket));
        awaitAttempts(webhook, 2);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (meters.counter("supportdesk.webhook.deliveries", "event", "ticket.created", "outcome", "delivered")
                                .count()
                        < delivered + 1
                && System.nanoTime() < deadline) {
            Receiver.pause();
        }

        assertThat(meters.counter("supportdesk.webhook.deliveries", "event", "ticket.created", "outcome", "delivered")
                        .count())
                .isEqualTo(delivered + 1);
        assertThat(meters.counter("supportdesk.webhook.failures", "event", "ticket.created", "reason", "http_status")
                        .count())
                .isEqualTo(failed + 1);
    }
}
