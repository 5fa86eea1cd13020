package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.waitUntilDone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.MovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import org.supportdesk.system.SupportdeskProperties;

/**
 * The purge of old import jobs on two instances sharing PostgreSQL, on one clock the test moves:
 * both purge at once without an error or a wait, each deletes its own files, and together every
 * old row; a job whose instance stopped, which nobody looked up, is failed and then goes too.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ImportJobPurgeTwoInstancesTests {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    /** The instances' clock (not a @Configuration: the scan of other tests' applications would find it). */
    static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }

    @RegisterExtension
    static final TwoInstances two =
            TwoInstances.forEachClass(Map.of("supportdesk.import-job-retention", "3d"), SharedClock.class);

    @Test
    void twoInstancesPurgingAtOnceDeleteEveryOldJobWithoutAnError() throws Exception {
        var jobs = new ArrayList<List<String>>();
        for (int i = 0; i < 2; i++) {
            var own = new ArrayList<String>();
            for (int j = 0; j < 3; j++) {
                own.add(start(two.api(i), "", csv("purged-" + UUID.randomUUID(), 2)));
            }
            own.forEach(id -> waitUntilDone(two.api(0), id));
            jobs.add(own);
        }
        CLOCK.advance(Duration.ofDays(3).plusMinutes(1));
        String recent = start(two.api(1), "", csv("kept-" + UUID.randomUUID(), 2));
        waitUntilDone(two.api(1), recent);

        for (int round = 0; round < 3; round++) {
            // Several batches each, so that the two purges meet on the same rows.
            insertOldRows(4 * ImportJobPurge.BATCH);
            List<ImportJobPurge.Purged> purged = Concurrently.run(2, 2, i -> purge(i));

            assertThat(purged.stream().mapToInt(ImportJobPurge.Purged::rows).sum())
                    .as("every old row deleted once, by one of them")
                    .isEqualTo(2 * 4 * ImportJobPurge.BATCH + (round == 0 ? 2 * 6 : 0));
            assertThat(count("SELECT COUNT(*) FROM import_jobs WHERE finished_at < ?"))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM import_job_states WHERE finished_at < ?"))
                    .isZero();
        }
        for (int i = 0; i < 2; i++) {
            for (String id : jobs.get(i)) {
                assertThat(stateFile(i, id)).doesNotExist();
                assertThat(two.api(i).get("/imports/" + id).status()).isEqualTo(404);
                assertThat(two.api(1 - i).get("/imports/" + id).status()).isEqualTo(404);
            }
        }
        assertThat(two.api(0).get("/imports/" + recent).status()).isEqualTo(200);
        assertThat(stateFile(1, recent)).exists();
    }

    @Test
    void aJobPurgedByTheOtherInstanceIsGoneOnBothAtOnce() {
        String id = start(two.api(0), "", csv("gone-" + UUID.randomUUID(), 2));
        waitUntilDone(two.api(0), id);
        Api.Response ran = two.api(0).get("/imports/" + id);
        assertThat(ran.status()).isEqualTo(200);
        assertThat(two.api(1).get("/imports/" + id).json()).isEqualTo(ran.json());

        CLOCK.advance(Duration.ofDays(3).plusMinutes(1));
        purge(1);

        // Instance 0's own purge has not run: its file is still there, and must not answer.
        assertThat(stateFile(0, id)).exists();
        assertThat(two.api(1).get("/imports/" + id).status()).isEqualTo(404);
        assertThat(two.api(0).get("/imports/" + id).status())
                .as("the instance that ran the job, as the other")
                .isEqualTo(404);
        purge(0);
        assertThat(stateFile(0, id)).doesNotExist();
    }

    @Test
    void aJobWhoseInstanceStoppedIsFailedByThePurgeAndGoesAfterTheRetention() throws Exception {
        String finished = start(two.api(0), "", csv("lost-" + UUID.randomUUID(), 2));
        waitUntilDone(two.api(0), finished);
        // As a kill -9 of its instance leaves it: running, last recorded ten minutes ago by the
        // database's clock.
        String lost = UUID.randomUUID().toString();
        try (var c = database();
                var s = c.prepareStatement("INSERT INTO import_job_states (id, state, job, updated_at)"
                        + " SELECT ?, 'running', replace(replace(job, ?, ?), '\"finished\"', '\"running\"'),"
                        + " (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 600000"
                        + " FROM import_job_states WHERE id = ?")) {
            s.setString(1, lost);
            s.setString(2, finished);
            s.setString(3, lost);
            s.setString(4, finished);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        purge(0);

        assertThat(count("SELECT COUNT(*) FROM import_job_states WHERE state = 'failed' AND finished_at >= ?"))
                .as("failed now, kept for the retention")
                .isEqualTo(1);
        assertThat(two.api(1).get("/imports/" + lost).json().get("state").asString())
                .isEqualTo("failed");
        CLOCK.advance(Duration.ofDays(3).plusMinutes(1));
        purge(1);
        assertThat(two.api(0).get("/imports/" + lost).status()).isEqualTo(404);
    }

    private static ImportJobPurge.Purged purge(int instance) {
        return two.instance(instance).context().getBean(ImportJobPurge.class).purge();
    }

    /** Rows of {@code n} jobs over long ago, run by an instance that is gone: in both tables. */
    private static void insertOldRows(int n) throws SQLException {
        long old = CLOCK.instant().minus(Duration.ofDays(10)).toEpochMilli();
        try (var c = database();
                var jobs = c.prepareStatement("INSERT INTO import_jobs (id, finished_at, result) VALUES (?, ?, '{}')");
                var states =
                        c.prepareStatement("INSERT INTO import_job_states (id, state, job, updated_at, finished_at)"
                                + " VALUES (?, 'finished', '{}', ?, ?)")) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                jobs.setString(1, id);
                jobs.setLong(2, old + i);
                jobs.addBatch();
                states.setString(1, id);
                states.setLong(2, old + i);
                states.setLong(3, old + i);
                states.addBatch();
            }
            jobs.executeBatch();
            states.executeBatch();
        }
    }

    /** A count of {@code sql} with the retention's cut-off as its parameter. */
    private static long count(String sql) throws SQLException {
        try (var c = database();
                var s = c.prepareStatement(sql)) {
            s.setLong(1, CLOCK.instant().minus(Duration.ofDays(3)).toEpochMilli());
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Path stateFile(int instance, String id) {
        Path dir = two.instance(instance)
                .context()
                .getBean(SupportdeskProperties.class)
                .dataDir()
                .resolve("import-jobs");
        assertThat(Files.isDirectory(dir)).isTrue();
        return dir.resolve(id + ".json");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
    }
}
