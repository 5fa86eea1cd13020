package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.ServiceProcess;

/** The service in a process of its own, killed with SIGKILL: what it acknowledged is still there. */
class KillTests {

    @TempDir
    Path dataDir;

    private ServiceProcess start() throws IOException, InterruptedException {
        return ServiceProcess.start(
                        dataDir.resolve("data"),
                        Map.of(),
                        "--supportdesk.admin-key=" + Api.ADMIN_KEY,
                        "--logging.level.root=WARN")
                .awaitHealthy();
    }

    @Test
    void acknowledgedTicketsSurviveKillDashNine() throws Exception {
        ServiceProcess first = start();
        List<String> acknowledged;
        try {
            acknowledged = Concurrently.run(200, 8, i -> {
                Api.Response r = first.api().post("/tickets", aTicket().build());
                return r.status() == 201 ? r.json().get("id").asString() : null;
            });
        } finally {
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(200).doesNotContainNull();

        try (ServiceProcess second = start()) {
            List<Integer> statuses = new ArrayList<>();
            for (String id : acknowledged) {
                statuses.add(second.api().get("/tickets/" + id).status());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(second.api().get("/tickets/stats").json().get("total").asLong())
                    .isEqualTo(200);
        }
    }
}
