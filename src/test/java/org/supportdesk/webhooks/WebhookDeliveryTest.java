package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.DomainEvent;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries to a real receiver on loopback (allowed here), on a server whose clock the test moves:
 * retries fall due when the test advances it, never by waiting. The send timeout is 1 s here so
 * that a slow receiver costs the suite 1 s, not 10.
 *
 * <p>The base of the delivery tests, with their one configuration: its tests share one server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "supportdesk.webhooks.allow-private=true",
            "supportdesk.webhooks.timeout=1s",
            "supportdesk.webhooks.poll-interval=50ms"
        })
@Tag(TestDatabase.BOTH)
// Setup by name: a nested configuration is found only in the test class itself, not in its base.
@Import({OnMovableClock.class, WebhookDeliveryTest.Setup.class})
abstract class WebhookDeliveryTest {

    static final String SECRET = "a-secret-of-the-receiver-0123456789";

    /** Tickets whose subject says so fail after their event was written: the change rolls back. */
    static final String FAILING = "This change fails after its event";

    @TestConfiguration
    static class Setup {
        @Bean
        FailingListener failingListener() {
            return new FailingListener();
        }
    }

    /** Runs after the outbox's listener (Outbox is ordered first) and fails the change. */
    static class FailingListener {
        @EventListener
        void on(DomainEvent event) {
            Object ticket = event.data().get("ticket");
            if (ticket != null && ticket.toString().contains(FAILING)) {
                throw new InvalidRequest(Problem.body("Refused by the test", "test", "subject"));
            }
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        OnMovableClock.register(registry, "supportdesk-webhooks", Instant.parse("2026-11-25T10:00:00Z"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Webhooks webhooks;

    @Autowired
    org.supportdesk.system.Database db;

    Api api;

    Receiver receiver;

    @BeforeEach
    void start() {
        api = new Api(port);
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        for (JsonNode w : api.get("/webhooks").json()) {
            api.delete("/webhooks/" + w.get("id").asString());
        }
        receiver.close();
    }

    String register(String... events) {
        Api.Response r =
                api.post("/webhooks", Map.of("url", receiver.url(), "events", List.of(events), "secret", SECRET));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    String newTicket(String customer) {
        Api.Response r = api.post("/tickets", aTicket().withCustomer(customer).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode deliveries(String webhook) {
        return api.get("/webhooks/" + webhook + "/deliveries").json();
    }

    /** Polls the delivery log until its newest delivery has {@code attempts} attempts. */
    JsonNode awaitAttempts(String webhook, int attempts) {
        return awaitAttempts(webhook, 0, attempts);
    }

    /**
     * Polls the delivery log until its {@code index}-th delivery, newest first, has {@code attempts}
     * attempts recorded. A test moves the clock only after that: moved while a send is under way,
     * the send's lease would run out and the delivery be sent again (at least once, as designed).
     */
    JsonNode awaitAttempts(String webhook, int index, int attempts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode log = deliveries(webhook);
            if (log.size() > index && log.get(index).get("attempts").size() >= attempts) {
                return log.get(index);
            }
            assertThat(System.nanoTime()).as("attempts in time: " + log).isLessThan(deadline);
            Receiver.pause();
        }
    }
}
