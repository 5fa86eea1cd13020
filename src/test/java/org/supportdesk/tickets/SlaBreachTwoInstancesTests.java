package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.Instance;
import org.supportdesk.MovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import org.supportdesk.webhooks.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL, both checking for breaches every 50 ms and told to check at the
 * same moment besides, on one clock the test moves: each breach is announced once, by one of them,
 * and not again by an instance started afterwards.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class SlaBreachTwoInstancesTests {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));

    /** The instances' clock (not a @Configuration: the scan of other tests' applications would find it). */
    static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }

    @Test
    void eachBreachIsAnnouncedOnceByOneInstanceAndNotAgainAfterARestart() throws Exception {
        var settings = Map.of(
                "supportdesk.webhooks.allow-private", "true",
                "supportdesk.webhooks.poll-interval", "50ms",
                "supportdesk.sla.breach-check-interval", "50ms");
        try (var two = TwoInstances.start(settings, SharedClock.class);
                Receiver receiver = Receiver.start()) {
            Api one = two.api(0);
            Api other = two.api(1);
            String webhook = one.post("/webhooks", Map.of("url", receiver.url(), "events", List.of("sla.breached")))
                    .json()
                    .get("id")
                    .asString();
            int tickets = 20;
            Concurrently.run(
                    tickets,
                    4,
                    i -> (i % 2 == 0 ? one : other)
                            .post(
                                    "/tickets",
                                    aTicket().with("priority", "urgent").build())
                            .status());

            CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
            Concurrently.run(6, 2, i -> {
                two.instance(i).context().getBean(SlaBreachCheck.class).run();
                return i;
            });

            List<Receiver.Request> got = receiver.await(tickets, r -> true);
            awaitAllDelivered(one, webhook, tickets);
            try (Instance restarted = Instance.start(two.settings(), SharedClock.class)) {
                restarted.context().getBean(SlaBreachCheck.class).run();
                awaitAllDelivered(one, webhook, tickets);
            }

            assertThat(receiver.received()).hasSize(tickets);
            var ids = new HashSet<String>();
            var breached = new HashSet<String>();
            for (Receiver.Request r : got) {
                ids.add(r.json().get("id").asString());
                breached.add(r.ticketId() + " " + r.json().get("target").asString());
            }
            assertThat(ids).hasSize(tickets);
            assertThat(breached).hasSize(tickets).allMatch(b -> b.endsWith(" first_response"));
        }
    }

    /** Polls until exactly {@code events} deliveries are in the log and all of them delivered. */
    private static void awaitAllDelivered(Api api, String webhook, int events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode log =
                    api.get("/webhooks/" + webhook + "/deliveries?limit=200").json();
            int delivered = 0;
            for (JsonNode d : log) {
                if (d.get("state").asString().equals("delivered")) {
                    delivered++;
                }
            }
            if (delivered == events && log.size() == events) {
                return;
            }
            assertThat(log.size()).as("deliveries").isLessThanOrEqualTo(events);
            assertThat(System.nanoTime()).as("all delivered in time").isLessThan(deadline);
            Receiver.pause();
        }
    }
}
