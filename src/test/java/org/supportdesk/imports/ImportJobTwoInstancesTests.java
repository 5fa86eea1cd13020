package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.poll;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.state;
import static org.supportdesk.imports.ImportJobFixtures.stored;
import static org.supportdesk.imports.ImportJobFixtures.waitUntilDone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.HeldTransaction;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/**
 * Background imports behind a load balancer, on PostgreSQL: the job runs on the instance that took
 * the upload (instance 0), and the client follows and cancels it on the other one (instance 1),
 * which answered 404 for both before. A lock on the tickets table, held by the test, keeps the
 * running job from storing, so that it is still running when the test looks and cancels.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ImportJobTwoInstancesTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Api api(int i) {
        return two.api(i);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Test
    void aRunningAndAQueuedJobAreFollowedAndCancelledOnTheOtherInstance() throws Exception {
        String customer = "elsewhere-" + UUID.randomUUID();
        String running;
        String queued;
        try (var importBlocked = new HeldTransaction(two.url()).run("LOCK TABLE tickets IN SHARE MODE")) {
            running = start(api(0), "", csv(customer, 100_000));
            queued = start(api(0), "", csv(customer + "-queued", 10));

            JsonNode seen = poll(
                    api(1),
                    running,
                    job -> state(job).equals("running") && job.get("rows_read").asLong() > 0);
            assertThat(seen.get("bytes_total").asLong()).isPositive();
            assertThat(seen.get("rows_stored").asLong()).isZero();
            assertThat(state(api(1).get("/imports/" + queued).json())).isEqualTo("queued");

            // A queued job is cancelled as soon as its instance sees the request, not after the job
            // before it.
            Api.Response cancelledQueued = api(1).delete("/imports/" + queued);
            assertThat(cancelledQueued.status()).as(cancelledQueued.body()).isEqualTo(200);
            assertThat(state(cancelledQueued.json())).isEqualTo("cancelled");
            assertThat(state(api(0).get("/imports/" + queued).json())).isEqualTo("cancelled");

            CompletableFuture<Api.Response> cancelRunning =
                    CompletableFuture.supplyAsync(() -> api(1).delete("/imports/" + running));
            awaitCancelSeenByTheRunningInstance(running);
            assertThat(cancelRunning).isNotDone();
            importBlocked.close(); // rolled back: the import may store again, and finds itself cancelled

            Api.Response cancelled = cancelRunning.get();
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(state(cancelled.json())).isEqualTo("cancelled");
            assertThat(cancelled.json().get("rows_stored").asLong()).isZero();
            assertThat(cancelled.json().get("detail").asString()).contains("nothing was stored");
        }
        assertThat(state(api(0).get("/imports/" + running).json())).isEqualTo("cancelled");
        assertThat(state(api(1).get("/imports/" + running).json())).isEqualTo("cancelled");
        assertThat(api(1).delete("/imports/" + running).status()).isEqualTo(200);
        assertThat(stored(api(1), customer)).isZero();
        assertThat(stored(api(1), customer + "-queued")).isZero();
    }

    /**
     * A job that has started, cancelled on its own instance: the cancel waits for its rollback. The
     * runner's Future said "cancelled" of a task that was running, so the job was recorded as
     * "cancelled before it started" at once, while its thread went on and recorded it again (two
     * writes of the job's file at once: a 500 when they collided).
     */
    @Test
    void aRunningJobCancelledOnItsOwnInstanceIsCancelledOnceByItsThread() throws Exception {
        String customer = "own-" + UUID.randomUUID();
        String running;
        Api.Response cancelled;
        try (var importBlocked = new HeldTransaction(two.url()).run("LOCK TABLE tickets IN SHARE MODE")) {
            running = start(api(0), "", csv(customer, 100_000));
            // Stuck: the storing thread waits for the lock with one batch of 1,000, two more wait in
            // its queue, and the reading thread waits to hand over a fourth; neither looks for a
            // cancel until the lock goes.
            poll(
                    api(0),
                    running,
                    job -> state(job).equals("running") && job.get("rows_read").asLong() >= 4_000);

            CompletableFuture<Api.Response> cancel =
                    CompletableFuture.supplyAsync(() -> api(0).delete("/imports/" + running));
            // The import is blocked on the lock, so its rollback and the cancel that waits for it
            // cannot be over before the lock goes; an answer within seconds is one that did not wait.
            assertThatThrownBy(() -> cancel.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            importBlocked.close();
            cancelled = cancel.get();
        }
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(state(cancelled.json())).isEqualTo("cancelled");
        assertThat(cancelled.json().get("detail").asString())
                .isEqualTo("Cancelled; nothing was stored")
                .doesNotContain("before it started");
        assertThat(stored(api(0), customer)).isZero();
    }

    /**
     * Returns once the running instance has looked for cancels after this one was asked for: a
     * record of its progress written after the request was seen in the table is followed, in the
     * same round, by its look.
     */
    private static void awaitCancelSeenByTheRunningInstance(String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Long recordedAfterRequest = null;
        try (var c = database();
                var s = c.prepareStatement(
                        "SELECT updated_at, cancel_requested_at FROM import_job_states WHERE id = ?")) {
            s.setString(1, id);
            while (true) {
                try (var rows = s.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    long updatedAt = rows.getLong(1);
                    if (rows.getObject(2) != null) {
                        if (recordedAfterRequest == null) {
                            recordedAfterRequest = updatedAt;
                        } else if (updatedAt != recordedAfterRequest) {
                            return;
                        }
                    }
                }
                assertThat(System.nanoTime()).as("cancel seen in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aFinishedJobAndADryRunAreShownInFullOnTheOtherInstance() {
        String customer = "elsewhere-done-" + UUID.randomUUID();
        byte[] file = csv(customer, 12);
        String imported = start(api(0), "", file);
        String dryRun = start(api(0), "?dry_run=true", csv(customer + "-dry", 7));
        waitUntilDone(api(0), imported);
        waitUntilDone(api(0), dryRun);

        JsonNode finished = api(1).get("/imports/" + imported).json();
        assertThat(state(finished)).isEqualTo("finished");
        assertThat(finished.get("bytes_total").asLong()).isEqualTo(file.length);
        assertThat(finished.get("rows_stored").asLong()).isEqualTo(12);
        assertThat(finished.get("created_at").isNull()).isFalse();
        assertThat(finished.get("result").get("success_count").asLong()).isEqualTo(12);
        assertThat(api(1).delete("/imports/" + imported).status()).isEqualTo(409);

        Api.Response dry = api(1).get("/imports/" + dryRun);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(state(dry.json())).isEqualTo("finished");
        assertThat(dry.json().get("result").get("success_count").asLong()).isEqualTo(7);
        assertThat(dry.json().get("rows_stored").asLong()).isZero();
        assertThat(stored(api(1), customer)).isEqualTo(12);
        assertThat(api(1).get("/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aJobWhoseInstanceStoppedRecordingItFailsAfterAMinuteWithNothingStored() throws Exception {
        String customer = "elsewhere-lost-" + UUID.randomUUID();
        String finished = start(api(0), "", csv(customer, 3));
        waitUntilDone(api(0), finished);
        // As a kill -9 of the running instance leaves them: rows still "running", one last recorded
        // ten minutes ago, one five seconds ago (a healthy instance between two records), by the
        // database's clock, which the verdict reads.
        String lost = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        try (var c = database();
                var s = c.prepareStatement("INSERT INTO import_job_states (id, state, job, updated_at)"
                        + " SELECT ?, 'running', replace(replace(job, ?, ?), '\"finished\"', '\"running\"'),"
                        + " (extract(epoch FROM clock_timestamp()) * 1000)::bigint - ?"
                        + " FROM import_job_states WHERE id = ?")) {
            for (String[] row : new String[][] {{lost, "600000"}, {recent, "5000"}}) {
                s.setString(1, row[0]);
                s.setString(2, finished);
                s.setString(3, row[0]);
                s.setLong(4, Long.parseLong(row[1]));
                s.setString(5, finished);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }

        JsonNode failed = api(1).get("/imports/" + lost).json();
        assertThat(state(failed)).isEqualTo("failed");
        assertThat(failed.get("detail").asString())
                .contains("stopped recording")
                .contains("nothing was stored");
        assertThat(failed.get("rows_stored").asLong()).isZero();
        assertThat(state(api(0).get("/imports/" + lost).json())).isEqualTo("failed");
        assertThat(api(0).delete("/imports/" + lost).status()).isEqualTo(409);
        assertThat(state(api(1).get("/imports/" + recent).json())).isEqualTo("running");
    }
}
