package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;

/** PostgreSQL stopped and started again under a running service. */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class DatabaseOutageTests {

    private static final String CSV = "customer_id,customer_email,customer_name,subject,description\n"
            + "c-1,ann@example.com,Ann,Cannot log in,I cannot log in since today\n";

    @TempDir
    Path dir;

    /** A server of its own, on the given data directory and port, that keeps its data when stopped. */
    private EmbeddedPostgres server(int port) throws IOException {
        return TestDatabase.postgres()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    @Test
    void requestsAnswer503WhileTheDatabaseIsAwayAndTheServiceRecoversByItself() throws Exception {
        EmbeddedPostgres pg = server(0);
        int port = pg.getPort();
        TestDatabase.execute(
                pg, "CREATE ROLE " + TestDatabase.USER + " LOGIN PASSWORD '" + TestDatabase.PASSWORD + "'");
        TestDatabase.execute(pg, "CREATE DATABASE supportdesk OWNER " + TestDatabase.USER);
        var settings = new HashMap<>(TestDatabase.settings("jdbc:postgresql://localhost:" + port + "/supportdesk"));
        settings.put("supportdesk.db.connection-timeout-ms", "500");
        settings.put("supportdesk.data-dir", dir.resolve("data").toString());
        try (Instance app = Instance.start(settings)) {
            Api api = app.api();
            String path = "/tickets/"
                    + api.post("/tickets", aTicket().build()).json().get("id").asString();
            String before = api.get(path).body();
            // A background import (a dry run: the counts below stay) over before the outage: the
            // database, not the state file of the instance that ran it, answers for it, so it is
            // 503 too, never a 500, nor the file's answer that another instance cannot give.
            String job = "/imports/"
                    + api.send("POST", "/imports?dry_run=true", "text/csv", CSV, Map.of())
                            .json()
                            .get("id")
                            .asString();
            awaitFinished(api, job);

            pg.close();

            List<Function<Api, Api.Response>> requests = List.of(
                    a -> a.get(path),
                    a -> a.get("/tickets?status=new"),
                    a -> a.get("/tickets/stats"),
                    a -> a.get("/tickets/stats?tag=export"),
                    a -> a.get(path + "/history"),
                    a -> a.post("/tickets", aTicket().build()),
                    a -> a.patch(path, Map.of("status", "in_progress")),
                    a -> a.put(path, aTicket().build()),
                    a -> a.delete(path),
                    a -> a.send("POST", path + "/classify", null, null, Map.of()),
                    a -> a.send("POST", "/import/csv", "text/csv", CSV, Map.of()),
                    a -> a.get(job),
                    a -> a.delete(job));
            // All at once first, so that they meet the pool's connections the server has cut, then
            // one by one, when there is none and the pool cannot open one.
            var responses = new ArrayList<>(Concurrently.run(
                    requests.size(), requests.size(), i -> requests.get(i).apply(api)));
            for (var request : requests) {
                responses.add(request.apply(api));
            }
            for (Api.Response response : responses) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.json().get("detail").asString()).isEqualTo("Database unavailable, please retry");
                assertThat(response.header("Retry-After")).isEqualTo("1");
            }
            Api.Response health = api.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("database").asString()).isEqualTo("down");

            pg = server(port);

            awaitHealthy(api);
            assertThat(api.get(path).body()).isEqualTo(before);
            assertThat(api.patch(path, Map.of("status", "in_progress")).status())
                    .isEqualTo(200);
            assertThat(api.post("/tickets", aTicket().build()).status()).isEqualTo(201);
            assertThat(api.get("/tickets/stats").json().get("total").asLong()).isEqualTo(2);
        } finally {
            pg.close();
        }
    }

    private static void awaitFinished(Api api, String job) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!api.get(job).json().get("state").asString().equals("finished")) {
            assertThat(System.nanoTime()).as("import finished").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitHealthy(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (api.get("/health").status() != 200) {
            assertThat(System.nanoTime()).as("healthy again").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
