package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportdesk.Api;
import org.supportdesk.SupportdeskApplication;
import org.supportdesk.TicketBodies;
import tools.jackson.databind.JsonNode;

/** The whole application, stopped and started again on the same data directory. */
class RestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SupportdeskApplication.class)
                .run(
                        "--server.port=0",
                        "--supportdesk.data-dir=" + dataDir,
                        "--supportdesk.admin-key=" + Api.ADMIN_KEY);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void ticketsHistoryAndVersionsSurviveARestart() {
        JsonNode created;
        JsonNode updated;
        try (var first = start()) {
            Api api = api(first);
            created = api.post("/tickets", TicketBodies.ticket()).json();
            updated = api.patch("/tickets/" + created.get("id").asString(), Map.of("status", "resolved"))
                    .json();
        }

        try (var second = start()) {
            Api api = api(second);
            String path = "/tickets/" + created.get("id").asString();
            assertThat(api.get(path).json()).isEqualTo(updated);
            assertThat(api.get(path + "/history").json().size()).isEqualTo(2);
            assertThat(api.get("/tickets/stats")
                            .json()
                            .get("by_status")
                            .get("resolved")
                            .asLong())
                    .isEqualTo(1);
        }
    }
}
