package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL, both dispatching, changes arriving at either: every event is
 * sent once, by one of them, and a ticket's events in the order of its changes.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class WebhookTwoInstancesTests {

    @Test
    void eachEventIsDeliveredOnceAndATicketsInOrder() throws Exception {
        try (var two = TwoInstances.start(Map.of(
                        "supportdesk.webhooks.allow-private", "true", "supportdesk.webhooks.poll-interval", "50ms"));
                Receiver receiver = Receiver.start()) {
            var one = two.api(0);
            var other = two.api(1);
            String webhook = one.post(
                            "/webhooks",
                            Map.of("url", receiver.url(), "events", List.of("ticket.created", "ticket.updated")))
                    .json()
                    .get("id")
                    .asString();
            int tickets = 20;
            int updates = 3;
            Concurrently.run(tickets, 4, i -> {
                var first = i % 2 == 0 ? one : other;
                var second = i % 2 == 0 ? other : one;
                String id = first.post("/tickets", aTicket().build())
                        .json()
                        .get("id")
                        .asString();
                for (int u = 1; u <= updates; u++) {
                    (u % 2 == 0 ? first : second).patch("/tickets/" + id, Map.of("assigned_to", "agent-" + u));
                }
                return id;
            });

            int events = tickets * (1 + updates);
            List<Receiver.Request> got = receiver.await(events, r -> true);
            awaitAllDelivered(one, webhook, events);

            assertThat(receiver.received()).hasSize(events);
            var eventIds = new HashSet<String>();
            Map<String, List<Integer>> versions = new HashMap<>();
            for (Receiver.Request r : got) {
                eventIds.add(r.json().get("id").asString());
                versions.computeIfAbsent(r.ticketId(), k -> new ArrayList<>())
                        .add(r.json().get("ticket").get("version").asInt());
            }
            assertThat(eventIds).hasSize(events);
            assertThat(versions).hasSize(tickets);
            versions.values().forEach(v -> assertThat(v).containsExactly(1, 2, 3, 4));
        }
    }

    private static void awaitAllDelivered(org.supportdesk.Api api, String webhook, int events) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode log =
                    api.get("/webhooks/" + webhook + "/deliveries?limit=200").json();
            int delivered = 0;
            for (JsonNode d : log) {
                if (d.get("state").asString().equals("delivered")) {
                    assertThat(d.get("attempts")).hasSize(1);
                    delivered++;
                }
            }
            if (delivered == events) {
                return;
            }
            assertThat(System.nanoTime()).as("all delivered in time").isLessThan(deadline);
            Receiver.pause();
        }
    }
}
