package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.webhooks.Receiver.about;
import static org.supportdesk.webhooks.Receiver.types;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "supportdesk.webhooks.allow-private=true",
            "supportdesk.webhooks.timeout=1s",
            "supportdesk.webhooks.poll-interval=50ms"
        })
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
class WebhookDeliveryTests {

    static final String SECRET = "a-secret-of-the-receiver-0123456789";
    /** Tickets whose subject says so fail after their event was written: the change rolls back. */
    static final String FAILING = "This change fails after its event";

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

    private String register(String... events) {
        Api.Response r =
                api.post("/webhooks", Map.of("url", receiver.url(), "events", List.of(events), "secret", SECRET));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private String newTicket(String customer) {
        Api.Response r = api.post("/tickets", aTicket().withCustomer(customer).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private JsonNode deliveries(String webhook) {
        return api.get("/webhooks/" + webhook + "/deliveries").json();
    }

    /** Polls the delivery log until its newest delivery has {@code attempts} attempts. */
    private JsonNode awaitAttempts(String webhook, int attempts) {
        return awaitAttempts(webhook, 0, attempts);
    }

    /**
     * Polls the delivery log until its {@code index}-th delivery, newest first, has {@code attempts}
     * attempts recorded. A test moves the clock only after that: moved while a send is under way,
     * the send's lease would run out and the delivery be sent again (at least once, as designed).
     */
    private JsonNode awaitAttempts(String webhook, int index, int attempts) {
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
