package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
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
import org.supportdesk.system.Timestamps;
import org.supportdesk.webhooks.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * `sla.breached` to a real receiver, on a server whose clock the test moves and whose breach check
 * runs every 100 ms by itself: a breach arrives without the test asking, and the test runs the
 * check itself where it must know a run has happened. The clock only ever moves forward here, as
 * a real one does, and only when no delivery is under way (a send outliving its lease would be
 * sent again, as designed).
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
class SlaBreachWebhookTests {

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

    private void subscribe(String... events) {
        Api.Response r =
                api.post("/webhooks", Map.of("url", receiver.url(), "events", List.of(events), "secret", SECRET));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        webhook = r.json().get("id").asString();
    }

    private JsonNode ticket(String priority, String status) {
        Api.Response r = api.post(
                "/tickets",
                aTicket().with("priority", priority).with("status", status).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Predicate<Receiver.Request> breachOf(String ticket) {
        return Receiver.about(ticket).and(r -> BREACHED.equals(r.header("Supportdesk-Event")));
    }

    private static Instant at(JsonNode node) {
        return Timestamps.parse(node.asString());
    }

    /**
     * Waits until the webhook has no delivery pending: everything written so far has reached the
     * receiver. After a run of the check, whatever it announced is in the outbox already.
     */
    private void settle() {
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

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTicketPastItsFirstResponseDueTimeIsAnnouncedOnceBySignedDelivery() throws Exception {
        subscribe(BREACHED);
        JsonNode created = ticket("urgent", "new");
        String id = created.get("id").asString();
        Instant due = at(created.get("sla").get("first_response_due_at"));
        double announcedBefore = announced("first_response");

        clock.set(due.plusSeconds(1));
        Receiver.Request got = receiver.await(1, breachOf(id)).get(0);

        String signature = got.header("Supportdesk-Signature");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(hmac(SECRET, t + "." + got.body()));
        assertThat(Long.parseLong(t)).isEqualTo(clock.instant().getEpochSecond());
        JsonNode body = got.json();
        assertThat(body.get("type").asString()).isEqualTo(BREACHED);
        assertThat(body.get("target").asString()).isEqualTo("first_response");
        assertThat(at(body.get("due_at"))).isEqualTo(due);
        assertThat(body.get("actor").isNull()).isTrue();
        assertThat(body.get("ticket")).isEqualTo(api.get("/tickets/" + id).json());
        assertThat(body.get("ticket").get("sla").get("breached").toString()).isEqualTo("[\"first_response\"]");

        check.run();
        check.run();
        settle();
        assertThat(receiver.received(breachOf(id))).hasSize(1);
        // Other tests' tickets may breach meanwhile (the clock moved): at least this one, counted once.
        assertThat(announced("first_response")).isGreaterThanOrEqualTo(announcedBefore + 1);
    }

    /** `supportdesk_sla_breaches_announced_total{target}` from the Prometheus scrape. */
    private double announced(String target) {
        return api.metric("supportdesk_sla_breaches_announced_total{target=\"" + target + "\"}");
    }

    @Test
    void anUnansweredTicketBreachesItsResolutionLaterAsASecondEvent() {
        subscribe(BREACHED);
        JsonNode created = ticket("urgent", "new");
        String id = created.get("id").asString();
        Instant resolutionDue = at(created.get("sla").get("resolution_due_at"));
        clock.set(at(created.get("sla").get("first_response_due_at")).plusSeconds(1));
        check.run();
        receiver.await(1, breachOf(id));
        settle();
        // Runs go on meanwhile: the ticket's earliest due time falls behind where they look.
        clock.advance(Duration.ofHours(2));
        check.run();

        clock.set(resolutionDue.plusSeconds(1));
        check.run();
        settle();
        check.run();

        List<Receiver.Request> got = receiver.await(2, breachOf(id));
        settle();
        assertThat(receiver.received(breachOf(id))).hasSize(2);
        assertThat(got.get(1).json().get("target").asString()).isEqualTo("resolution");
        assertThat(at(got.get(1).json().get("due_at"))).isEqualTo(resolutionDue);
        assertThat(got.get(1).json().get("ticket").get("sla").get("breached").toString())
                .isEqualTo("[\"first_response\",\"resolution\"]");
    }

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
    void aDueTimeMovedLaterBreachesAgainAtItsNewTime() {
        subscribe(BREACHED);
        JsonNode created = ticket("urgent", "new");
        String id = created.get("id").asString();
        clock.set(at(created.get("sla").get("first_response_due_at")).plusSeconds(1));
        check.run();
        receiver.await(1, breachOf(id));
        settle();

        JsonNode lowered =
                api.patch("/tickets/" + id, Map.of("priority", "low")).json();
        Instant later = at(lowered.get("sla").get("first_response_due_at"));
        check.run();
        settle();
        assertThat(receiver.received(breachOf(id))).hasSize(1);
        clock.set(later.plusSeconds(1));
        check.run();

        List<Receiver.Request> got = receiver.await(2, breachOf(id));
        assertThat(got.get(1).json().get("target").asString()).isEqualTo("first_response");
        assertThat(at(got.get(1).json().get("due_at"))).isEqualTo(later);
    }

    @Test
    void aWriteThatPutsADueTimeInThePastAnnouncesTheBreachWithTheWrite() {
        subscribe("ticket.updated", BREACHED);
        String id = ticket("medium", "new").get("id").asString();
        clock.advance(Duration.ofHours(2));
        check.run();

        api.patch("/tickets/" + id, Map.of("priority", "urgent"));

        List<Receiver.Request> got = receiver.await(2, Receiver.about(id));
        assertThat(Receiver.types(got)).containsExactly("ticket.updated", BREACHED);
        assertThat(at(got.get(1).json().get("time"))).isEqualTo(clock.instant());
        check.run();
        settle();
        assertThat(receiver.received(breachOf(id))).hasSize(1);
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
