package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.ServiceProcess;

/**
 * The service in a process of its own, killed with SIGKILL while deliveries are under way and
 * more wait in the outbox: the next process on the same data delivers every one of them, those
 * the dead one had claimed once their lease has run out.
 */
class WebhookKillTests {

    @TempDir
    Path dataDir;

    /** The service in a process of its own, so that it can be killed with SIGKILL. */
    private ServiceProcess start() throws IOException, InterruptedException {
        return ServiceProcess.start(
                        dataDir.resolve("data"),
                        Map.of(),
                        "--supportdesk.admin-key=" + Api.ADMIN_KEY,
                        "--supportdesk.webhooks.allow-private=true",
                        "--supportdesk.webhooks.timeout=2s",
                        "--supportdesk.webhooks.poll-interval=100ms",
                        "--logging.level.root=WARN")
                .awaitHealthy();
    }

    @Test
    void eventsWrittenBeforeAKillAreDeliveredByTheNextProcess() throws Exception {
        List<String> tickets = new ArrayList<>();
        try (Receiver receiver = Receiver.start()) {
            // The first process's sends hang (the receiver answers after the process is dead).
            receiver.delay(Duration.ofSeconds(30));
            ServiceProcess first = start();
            try {
                Api api = first.api();
                Api.Response w =
                        api.post("/webhooks", Map.of("url", receiver.url(), "events", List.of("ticket.created")));
                assertThat(w.status()).as(w.body()).isEqualTo(201);
                for (int i = 0; i < 12; i++) {
                    tickets.add(api.post("/tickets", aTicket().build())
                            .json()
                            .get("id")
                            .asString());
                }
                receiver.await(1, r -> true);
            } finally {
                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            int beforeTheKill = receiver.received().size();
            assertThat(beforeTheKill).isBetween(1, 4);
            receiver.delay(Duration.ZERO);

            ServiceProcess second = start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                var delivered = new HashSet<String>();
                while (delivered.size() < tickets.size() && System.nanoTime() < deadline) {
                    List<Receiver.Request> all = receiver.received();
                    for (Receiver.Request r : all.subList(beforeTheKill, all.size())) {
                        delivered.add(r.ticketId());
                    }
                    Receiver.pause();
                }
                assertThat(delivered).containsExactlyInAnyOrderElementsOf(tickets);
            } finally {
                second.process().destroyForcibly();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
