package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
import org.supportdesk.system.Timestamps;
import org.supportdesk.webhooks.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * `sla.breached` to a real receiver, on a server whose clock the test moves and whose breach check
 * runs every 100 ms by itself: a breach arrives without the test asking, and the test runs the
 * check itself where it must know a run has happened. The clock only ever moves forward here, as
 * a real one does, and only when no delivery is under way (a send outliving its lease would be
 * sent again, as designed).
 *
 * <p>The base of the breach webhook's tests, with their one configuration: its tests share one server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "supportdesk.webhooks.allow-private=true",
            "supportdesk.webhooks.poll-interval=50ms",
            "supportdesk.sla.breach-check-interval=100ms"
        })
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
abstract class SlaBreachWebhookTest {

    static final String SECRET = "a-secret-of-the-receiver-0123456789";

    static final String BREACHED = "sla.breached";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        OnMovableClock.register(registry, "supportdesk-sla-breaches", Instant.parse("2026-11-23T10:00:00Z"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    SlaBreachCheck check;

    Api api;

    Receiver receiver;

    String webhook;

    @BeforeEach
    void start() {
        api = new Api(port);
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        if (webhook != null) {
            api.delete("/webhooks/" + webhook);
        }
        receiver.close();
    }

    void subscribe(String... events) {
        Api.Response r =
                api.post("/webhooks", Map.of("url", receiver.url(), "events", List.of(events), "secret", SECRET));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        webhook = r.json().get("id").asString();
    }

    JsonNode ticket(String priority, String status) {
        Api.Response r = api.post(
                "/tickets",
                aTicket().with("priority", priority).with("status", status).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static Predicate<Receiver.Request> breachOf(String ticket) {
        return Receiver.about(ticket).and(r -> BREACHED.equals(r.header("Supportdesk-Event")));
    }

    static Instant at(JsonNode node) {
        return Timestamps.parse(node.asString());
    }

    /**
     * Waits until the webhook has no delivery pending: everything written so far has reached the
     * receiver. After a run of the check, whatever it announced is in the outbox already.
     */
    void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode log =
                    api.get("/webhooks/" + webhook + "/deliveries?limit=200").json();
            boolean pending = false;
            for (JsonNode d : log) {
                pending |= d.get("state").asString().equals("pending");
            }
            if (!pending) {
                return;
            }
            assertThat(System.nanoTime()).as("deliveries done in time: " + log).isLessThan(deadline);
            Receiver.pause();
        }
    }
}
