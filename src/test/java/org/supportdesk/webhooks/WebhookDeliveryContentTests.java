package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.webhooks.Receiver.about;
import static org.supportdesk.webhooks.Receiver.types;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * What a webhook is sent, to a real receiver on loopback: the subscribers a transaction sees, the
 * signature and the ticket as the API shows it, delivery ids, the order of a ticket's events,
 * nothing for a change that rolled back, a reply's events and an import's counts.
 */
class WebhookDeliveryContentTests extends WebhookDeliveryTest {

    @Test
    void aWebhookWrittenInATransactionIsToldOfTheChangesThatFollowItThere() {
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        List<List<String>> seen = db.write(() -> {
            List<String> before = webhooks.subscribers(EventType.TICKET_CREATED);
            webhooks.insert(new Webhook(id, receiver.url(), List.of("ticket.created"), true, null, now, now), SECRET);
            List<String> after = webhooks.subscribers(EventType.TICKET_CREATED);
            webhooks.disable(id, "test", now);
            return List.of(before, after, webhooks.subscribers(EventType.TICKET_CREATED));
        });
        assertThat(seen.get(0)).doesNotContain(id.toString());
        assertThat(seen.get(1)).contains(id.toString());
        assertThat(seen.get(2)).doesNotContain(id.toString());
        // Outside a transaction it is read each time, and the next transaction reads it afresh.
        assertThat(webhooks.subscribers(EventType.TICKET_CREATED)).doesNotContain(id.toString());
        assertThat(webhooks.delete(id)).isTrue();
    }

    @Test
    void aDeliveryIsSignedWithTheSecretAndCarriesTheTicketAsTheApiShowsIt() {
        register("ticket.created");
        String ticket = newTicket("signed-" + UUID.randomUUID());

        Receiver.Request got = receiver.await(1, about(ticket)).get(0);

        String signature = got.header("Supportdesk-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(Signature.hmac(SECRET, t + "." + got.body()));
        assertThat(Long.parseLong(t)).isEqualTo(clock.instant().getEpochSecond());
        assertThat(got.header("Supportdesk-Event")).isEqualTo("ticket.created");
        assertThat(got.header("Content-Type")).startsWith("application/json");
        JsonNode body = got.json();
        assertThat(body.get("type").asString()).isEqualTo("ticket.created");
        assertThat(body.get("id").asString()).hasSize(36);
        assertThat(body.get("time").asString()).endsWith("Z");
        assertThat(body.get("ticket")).isEqualTo(api.get("/tickets/" + ticket).json());
    }

    @Test
    void eachDeliveryHasItsOwnIdAndARedeliveryIsANewDeliveryOfTheSameEvent() {
        String webhook = register("ticket.created");
        String ticket = newTicket("redeliver-" + UUID.randomUUID());
        Receiver.Request first = receiver.await(1, about(ticket)).get(0);
        JsonNode delivered = awaitAttempts(webhook, 1);
        assertThat(delivered.get("state").asString()).isEqualTo("delivered");
        assertThat(delivered.get("id").asString()).isEqualTo(first.header("Supportdesk-Delivery"));
        JsonNode attempt = delivered.get("attempts").get(0);
        assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
        assertThat(attempt.get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);

        Api.Response again = api.post(
                "/webhooks/" + webhook + "/deliveries/" + delivered.get("id").asString() + "/redeliver", Map.of());

        assertThat(again.status()).isEqualTo(202);
        List<Receiver.Request> both = receiver.await(2, about(ticket));
        assertThat(both.get(1).json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(both.get(1).header("Supportdesk-Delivery"))
                .isEqualTo(again.json().get("id").asString())
                .isNotEqualTo(first.header("Supportdesk-Delivery"));
    }

    @Test
    void aTicketsEventsArriveInTheOrderOfItsChangesWithTheChangedFields() {
        register("ticket.created", "ticket.updated", "ticket.classified", "ticket.deleted");
        String ticket = newTicket("order-" + UUID.randomUUID());
        for (int i = 1; i <= 5; i++) {
            api.patch("/tickets/" + ticket, Map.of("assigned_to", "agent-" + i));
        }
        api.patch("/tickets/" + ticket, Map.of("status", "in_progress", "tags", List.of("vip")));
        api.post("/tickets/" + ticket + "/classify", Map.of());
        api.delete("/tickets/" + ticket);

        List<Receiver.Request> got = receiver.await(9, about(ticket));

        assertThat(types(got))
                .containsExactly(
                        "ticket.created",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.classified",
                        "ticket.deleted");
        var versions = new ArrayList<Integer>();
        got.forEach(r -> versions.add(r.json().get("ticket").get("version").asInt()));
        assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 8);
        assertThat(got.get(1).json().get("changed_fields").toString()).isEqualTo("[\"assigned_to\"]");
        assertThat(got.get(6).json().get("changed_fields").toString()).contains("status", "tags");
        assertThat(got.get(7).json().get("changed_fields").toString()).contains("classification");
        assertThat(got.get(8).json().has("changed_fields")).isFalse();
    }

    @Test
    void nothingIsSentForAChangeThatRolledBack() {
        String webhook = register("ticket.created");
        Api.Response refused = api.post(
                "/tickets",
                aTicket().withCustomer("rolled-back").withSubject(FAILING).build());
        assertThat(refused.status()).isEqualTo(422);
        String after = newTicket("after-the-rollback-" + UUID.randomUUID());

        receiver.await(1, about(after));
        assertThat(receiver.received()).hasSize(1);
        assertThat(deliveries(webhook)).hasSize(1);
        assertThat(api.get("/tickets?customer_id=rolled-back")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aReplyIsToldAsTheCommentAndTheWorkflowsChangeOfTheTicketInThatOrder() {
        register("comment.created", "ticket.updated");
        String ticket = newTicket("reply-" + UUID.randomUUID());

        var reply = api.post("/tickets/" + ticket + "/comments", Map.of("body", "We are on it."));
        assertThat(reply.status()).isEqualTo(201);

        List<Receiver.Request> got = receiver.await(2, about(ticket));
        assertThat(types(got)).containsExactly("ticket.updated", "comment.created");
        assertThat(got.get(0).json().get("changed_fields").toString()).contains("status");
        JsonNode comment = got.get(1).json().get("comment");
        assertThat(comment.get("id").asString())
                .isEqualTo(reply.json().get("id").asString());
        assertThat(comment.get("body").asString()).isEqualTo("We are on it.");
        assertThat(got.get(1).json().get("ticket").get("status").asString()).isEqualTo("in_progress");
        assertThat(got.get(1).json().get("ticket").get("comment_count").asInt()).isEqualTo(1);
    }

    @Test
    void anImportTellsItsCountsOnceItCommitted() {
        String webhook = register("import.finished", "ticket.created");
        String csv = "customer_id,customer_email,customer_name,subject,description\n"
                + "imp,a@example.com,Ann,Printer jam,The printer jams on every page\n"
                + "imp,not-an-email,Bob,Screen,The screen flickers\n";
        var done =
                api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(done.status()).isEqualTo(200);

        JsonNode body = receiver.await(1, r -> true).get(0).json();
        assertThat(body.get("type").asString()).isEqualTo("import.finished");
        assertThat(body.get("import").get("format").asString()).isEqualTo("csv");
        assertThat(body.get("import").get("imported").asInt()).isEqualTo(1);
        assertThat(body.get("import").get("failed").asInt()).isEqualTo(1);
        assertThat(body.get("import").get("total").asInt()).isEqualTo(2);
        // An import is one event, not one per row.
        assertThat(deliveries(webhook)).hasSize(1);
    }
}
