package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.poll;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.state;
import static org.supportdesk.imports.ImportJobFixtures.stored;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.HeldTransaction;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * On PostgreSQL, a job that failed or was cancelled while the database refused to record it (as a
 * dropped connection does; here its rows may not be updated): its end is recorded once the
 * database takes it again, by the instance's next record, or by its restart should it stop first.
 * It used to stay queued or running in the database for every other instance, until one declared
 * it failed a minute on because its instance "stopped recording it", a cancelled job too; and the
 * instance that ran it answered the cancel with the stale row's "queued". Instance A runs the jobs
 * (one running, held by a lock on the tickets table, one queued behind it), B follows them.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ImportJobEndNotRecordedTests {

    private static final String CANCELLED = "Cancelled before it started; nothing was stored";
    private static final String FAILED =
            "The import failed on an error of the service (logged with the job's id); nothing was stored";

    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    @Test
    void endsTheDatabaseRefusedAreRecordedOnceItTakesThemAgain() throws Exception {
        String url = TestDatabase.newDatabase();
        String customer = "refused-" + UUID.randomUUID();
        try (Instance a = Instance.start(settings(url, dirA));
                Instance b = Instance.start(settings(url, dirB))) {
            Jobs jobs = endWhileRefused(url, a, customer);
            assertThat(poll(b.api(), jobs.queued(), job -> true).get("state").asString())
                    .as("stale while the database refuses")
                    .isEqualTo("queued");

            database(url, "GRANT UPDATE ON import_job_states TO " + TestDatabase.USER);
            JsonNode cancelled = poll(b.api(), jobs.queued(), job -> !state(job).equals("queued"));
            assertThat(state(cancelled)).as(cancelled.toString()).isEqualTo("cancelled");
            assertThat(cancelled.get("detail").asString()).isEqualTo(CANCELLED);
            JsonNode failed = poll(b.api(), jobs.running(), job -> !state(job).equals("running"));
            assertThat(state(failed)).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.get("detail").asString()).isEqualTo(FAILED);
            assertThat(state(a.api().get("/imports/" + jobs.queued()).json())).isEqualTo("cancelled");
            assertThat(stored(b.api(), customer)).isZero();
        }
    }

    @Test
    void endsTheDatabaseRefusedAreRecordedByTheRestartWhenTheInstanceStoppedFirst() throws Exception {
        String url = TestDatabase.newDatabase();
        String customer = "refused-then-stopped-" + UUID.randomUUID();
        try (Instance b = Instance.start(settings(url, dirB))) {
            Jobs jobs;
            try (Instance a = Instance.start(settings(url, dirA))) {
                jobs = endWhileRefused(url, a, customer);
            }
            database(url, "GRANT UPDATE ON import_job_states TO " + TestDatabase.USER);
            assertThat(state(poll(b.api(), jobs.queued(), job -> true))).isEqualTo("queued");

            try (Instance again = Instance.start(settings(url, dirA))) {
                // Recorded as the restart starts, not a minute later by another instance's verdict.
                JsonNode cancelled = poll(b.api(), jobs.queued(), job -> true);
                assertThat(state(cancelled)).as(cancelled.toString()).isEqualTo("cancelled");
                assertThat(cancelled.get("detail").asString()).isEqualTo(CANCELLED);
                JsonNode failed = poll(b.api(), jobs.running(), job -> true);
                assertThat(state(failed)).as(failed.toString()).isEqualTo("failed");
                assertThat(failed.get("detail").asString()).isEqualTo(FAILED);
                assertThat(state(poll(again.api(), jobs.queued(), job -> true))).isEqualTo("cancelled");
            }
            assertThat(stored(b.api(), customer)).isZero();
        }
    }

    private record Jobs(String running, String queued) {}

    /**
     * Starts a running and a queued job on {@code a}, makes the database refuse to record them,
     * cancels the queued one and lets the running one reach its commit, which fails (its row may
     * not be marked finished): both are over, and A says so, though the database does not.
     */
    private static Jobs endWhileRefused(String url, Instance a, String customer) throws Exception {
        String running;
        String queued;
        try (var importBlocked = new HeldTransaction(url).run("LOCK TABLE tickets IN SHARE MODE")) {
            running = start(a.api(), "", csv(customer, 3));
            queued = start(a.api(), "", csv(customer + "-queued", 3));
            poll(a.api(), running, job -> state(job).equals("running"));
            database(url, "REVOKE UPDATE ON import_job_states FROM " + TestDatabase.USER);

            Api.Response cancel = a.api().delete("/imports/" + queued);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            assertThat(state(cancel.json())).as(cancel.body()).isEqualTo("cancelled");
        }
        JsonNode failed = poll(a.api(), running, job -> !state(job).equals("running"));
        assertThat(state(failed)).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.get("detail").asString()).isEqualTo(FAILED);
        assertThat(state(a.api().get("/imports/" + queued).json())).isEqualTo("cancelled");
        return new Jobs(running, queued);
    }

    private static Map<String, String> settings(String url, Path dataDir) {
        var settings = new HashMap<>(TestDatabase.settings(url));
        settings.put("supportdesk.data-dir", dataDir.toString());
        return Map.copyOf(settings);
    }

    /** One statement as the service's user (the tables' owner). */
    private static void database(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
