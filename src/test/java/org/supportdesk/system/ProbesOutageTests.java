package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;

/** PostgreSQL stopped under a running service: not ready, still live, and still scraped. */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ProbesOutageTests {

    @TempDir
    Path dir;

    @Test
    void withoutItsDatabaseTheServiceIsLiveButNotReadyAndItsMetricsStillAnswer() throws Exception {
        EmbeddedPostgres pg =
                TestDatabase.postgres().setDataDirectory(dir.resolve("pgdata")).start();
        try {
            TestDatabase.execute(
                    pg, "CREATE ROLE " + TestDatabase.USER + " LOGIN PASSWORD '" + TestDatabase.PASSWORD + "'");
            TestDatabase.execute(pg, "CREATE DATABASE supportdesk OWNER " + TestDatabase.USER);
            var settings = new HashMap<>(
                    TestDatabase.settings("jdbc:postgresql://localhost:" + pg.getPort() + "/supportdesk"));
            settings.put("supportdesk.db.connection-timeout-ms", "500");
            settings.put("supportdesk.metrics.token", Api.METRICS_TOKEN);
            try (Instance app = Instance.start(settings)) {
                Api anonymous = app.api().withKey(null);
                assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);

                pg.close();

                Api.Response ready = anonymous.get("/health/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().get("database").asString()).isEqualTo("down");
                assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
                Api.Response scrape = app.api().withKey(Api.METRICS_TOKEN).get("/metrics");
                assertThat(scrape.status()).isEqualTo(200);
                assertThat(scrape.body()).contains("supportdesk_tickets{status=\"new\"} NaN");
            }
        } finally {
            pg.close();
        }
    }
}
