package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.stored;
import static org.supportdesk.imports.ImportJobFixtures.waitUntilDone;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.supportdesk.Api;
import org.supportdesk.HeldTransaction;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL whose clocks disagree by five minutes, as machines without NTP
 * may: a job running on the one behind is alive for the other, which judged it by its own clock
 * against the running one's records and found it five minutes late, failed. The records and the
 * verdict are both on the database's clock now.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ImportJobClockSkewTests {

    /** The running instance's clock (not a @Configuration: the scan of other tests' applications would find it). */
    static class FiveMinutesBehind {
        @Bean
        @Primary
        Clock clockFiveMinutesBehind() {
            return Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
        }
    }

    @Test
    void aJobRunningOnAnInstanceWhoseClockIsFiveMinutesBehindIsAliveForTheOther() throws Exception {
        String url = TestDatabase.newDatabase();
        String customer = "skewed-" + UUID.randomUUID();
        try (Instance behind = Instance.start(settings(url), FiveMinutesBehind.class);
                Instance onTime = Instance.start(settings(url))) {
            String id;
            try (var importBlocked = new HeldTransaction(url).run("LOCK TABLE tickets IN SHARE MODE")) {
                id = start(behind.api(), "", csv(customer, 50));
                JsonNode seen = poll(onTime.api(), id);
                assertThat(seen.get("state").asString()).as(seen.toString()).isEqualTo("running");
                awaitAnotherRecord(url, id);
                JsonNode later = onTime.api().get("/imports/" + id).json();
                assertThat(later.get("state").asString()).as(later.toString()).isEqualTo("running");
            }
            JsonNode done = waitUntilDone(onTime.api(), id);
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("finished");
            assertThat(stored(onTime.api(), customer)).isEqualTo(50);
        }
    }

    private static Map<String, String> settings(String url) throws Exception {
        var settings = new HashMap<>(TestDatabase.settings(url));
        settings.put(
                "supportdesk.data-dir",
                Files.createTempDirectory("supportdesk-skewed").toString());
        return settings;
    }

    /** The job as {@code api} answers it once it is no longer queued (a minute at most). */
    private static JsonNode poll(Api api, String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response answer = api.get("/imports/" + id);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            if (!answer.json().get("state").asString().equals("queued")) {
                return answer.json();
            }
            assertThat(System.nanoTime()).as("job started in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Returns once the running instance has recorded the job again (it does every second). */
    private static void awaitAnotherRecord(String url, String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (var c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
                var s = c.prepareStatement("SELECT updated_at FROM import_job_states WHERE id = ?")) {
            s.setString(1, id);
            Long first = null;
            while (true) {
                try (var rows = s.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    long updatedAt = rows.getLong(1);
                    if (first == null) {
                        first = updatedAt;
                    } else if (updatedAt != first) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("recorded again in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}
