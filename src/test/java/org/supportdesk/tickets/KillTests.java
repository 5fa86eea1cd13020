package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.SupportdeskApplication;

/** The service in a process of its own, killed with SIGKILL: what it acknowledged is still there. */
class KillTests {

    @TempDir
    Path dataDir;

    private Process start(int port) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SupportdeskApplication.class.getName(),
                        "--server.port=" + port,
                        "--supportdesk.data-dir=" + dataDir,
                        "--supportdesk.admin-key=" + Api.ADMIN_KEY,
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(
                        dataDir.resolve("server-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(Api api, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process alive").isTrue();
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // fall through and poll again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not become healthy");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void acknowledgedTicketsSurviveKillDashNine() throws Exception {
        int port = freePort();
        Api api = new Api(port);
        Process first = start(port);
        List<String> acknowledged;
        try {
            awaitHealthy(api, first);
            acknowledged = Concurrently.run(200, 8, i -> {
                Api.Response r = api.post("/tickets", aTicket().build());
                return r.status() == 201 ? r.json().get("id").asString() : null;
            });
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(200).doesNotContainNull();

        Process second = start(port);
        try {
            awaitHealthy(api, second);
            List<Integer> statuses = new ArrayList<>();
            for (String id : acknowledged) {
                statuses.add(api.get("/tickets/" + id).status());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(api.get("/tickets/stats").json().get("total").asLong()).isEqualTo(200);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
