package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportdesk.Api;
import org.supportdesk.SupportdeskApplication;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/** The whole application, stopped and started again on the same data directory (or database). */
@Tag(TestDatabase.BOTH)
class RestartTests {

    @TempDir
    Path dataDir;

    /** On the PostgreSQL run: the database both starts use. */
    private String database;

    private ConfigurableApplicationContext start() {
        var args = new ArrayList<>(List.of(
                "--server.port=0", "--supportdesk.data-dir=" + dataDir, "--supportdesk.admin-key=" + Api.ADMIN_KEY));
        if (TestDatabase.isPostgres()) {
            if (database == null) {
                database = TestDatabase.newDatabase();
            }
            TestDatabase.settings(database).forEach((key, value) -> args.add("--" + key + "=" + value));
        }
        return new SpringApplicationBuilder(SupportdeskApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void ticketsHistoryVersionsAndCursorsSurviveARestart() {
        JsonNode created;
        JsonNode updated;
        String cursor;
        try (var first = start()) {
            Api api = api(first);
            created = api.post("/tickets", aTicket().build()).json();
            updated = api.patch("/tickets/" + created.get("id").asString(), Map.of("status", "resolved"))
                    .json();
            api.post("/tickets", aTicket().build());
            cursor = api.get("/tickets?limit=1").json().get("next_cursor").asString();
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
            // The key that signs cursors is the database's, not the process's.
            Api.Response next = api.get("/tickets?limit=1&cursor=" + cursor);
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(next.json().get("items").get(0).get("id").asString())
                    .isNotEqualTo(created.get("id").asString());
        }
    }
}
