package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.supportdesk.webhooks.Receiver;
import tools.jackson.databind.JsonNode;

/**
 * `sla.breached` sent to a real receiver, on a server whose clock the test moves: once a target,
 * signed, for the first response and then the resolution, again at a due time moved later, and
 * with the write that put a due time in the past.
 */
class SlaBreachAnnouncedTests extends SlaBreachWebhookTest {

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
}
