package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.state;
import static org.supportdesk.imports.ImportJobFixtures.waitUntilDone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;
import org.supportdesk.system.SupportdeskProperties;

/**
 * Jobs that are over are kept for `supportdesk.import-job-retention` (3 days here, 7 by default) and
 * then purged, state file and rows, on a server whose clock the test moves; a job still waiting or
 * running is kept however old.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "supportdesk.import-job-retention=3d")
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportJobRetentionTests {

    /**
     * The server's data directory, deleted by JUnit once the class's server is closed (the
     * DirtiesContext): until 2026-11-28 each run left an `import-retention*` directory in /tmp.
     */
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // Now, so that the database's clock (import_job_states) and the service's start together.
        OnMovableClock.register(registry, dataDir, Instant.now());
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ImportJobPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Database db;

    @Autowired
    SupportdeskProperties properties;

    @Autowired
    Environment environment;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void finishedFailedAndCancelledJobsOverForLongerThanTheRetentionGoWithTheirFilesAndRows() throws Exception {
        String customer = "purged-" + UUID.randomUUID();
        String finished = start(api, "", csv(customer, 3));
        assertThat(state(waitUntilDone(api, finished))).isEqualTo("finished");
        String dryRun = start(api, "?dry_run=true", csv(customer, 2));
        assertThat(state(waitUntilDone(api, dryRun))).isEqualTo("finished");
        String broken = new String(csv(customer, 2), StandardCharsets.UTF_8) + "\"unclosed,quote\n";
        String failed = start(api, "", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(state(waitUntilDone(api, failed))).isEqualTo("failed");
        String held;
        String cancelled;
        try (var importsHeld = ImportJobFixtures.holdImports(environment.getProperty("supportdesk.db.url"), db)) {
            held = start(api, "", csv(customer, 2));
            cancelled = start(api, "", csv(customer, 2));
            assertThat(state(api.delete("/imports/" + cancelled).json())).isEqualTo("cancelled");
        }
        assertThat(state(waitUntilDone(api, held))).isEqualTo("finished");
        List<String> old = List.of(finished, dryRun, failed, cancelled, held);
        assertThat(rows("import_jobs", finished)).isEqualTo(1);
        if (TestDatabase.isPostgres()) {
            old.forEach(id -> assertThat(rows("import_job_states", id)).isEqualTo(1));
        }

        clock.advance(Duration.ofDays(3).plusSeconds(1));
        String recent = start(api, "", csv(customer, 1));
        waitUntilDone(api, recent);
        ImportJobPurge.Purged purged = purge.purge();

        Api.Response unknown = api.get("/imports/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        for (String id : old) {
            Api.Response gone = api.get("/imports/" + id);
            assertThat(gone.status()).as(id).isEqualTo(404);
            assertThat(gone.json()).isEqualTo(unknown.json());
            assertThat(stateFile(id)).doesNotExist();
            assertThat(rows("import_jobs", id)).isZero();
            assertThat(rows("import_job_states", id)).isZero();
        }
        assertThat(purged.files()).isGreaterThanOrEqualTo(old.size());
        assertThat(api.get("/imports/" + recent).status()).isEqualTo(200);
        assertThat(stateFile(recent)).exists();
        assertThat(rows("import_jobs", recent)).isEqualTo(1);
        assertThat(ImportJobFixtures.stored(api, customer))
                .as("the tickets stay")
                .isEqualTo(3 + 2 + 1);
    }

    @Test
    void aJobOverForLessThanTheRetentionIsKept() {
        String kept = start(api, "", csv("kept-" + UUID.randomUUID(), 2));
        waitUntilDone(api, kept);

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        purge.purge();

        Api.Response job = api.get("/imports/" + kept);
        assertThat(job.status()).isEqualTo(200);
        assertThat(state(job.json())).isEqualTo("finished");
        assertThat(stateFile(kept)).exists();
        assertThat(rows("import_jobs", kept)).isEqualTo(1);
        assertThat(rows("import_job_states", kept)).isEqualTo(TestDatabase.isPostgres() ? 1 : 0);
    }

    @Test
    void aJobStillRunningOrWaitingIsKeptHoweverOld() throws Exception {
        // Every job of the other tests gone first: on SQLite a purge with rows to delete would wait
        // for the writer that the test holds below.
        clock.advance(Duration.ofDays(30));
        purge.purge();
        String customer = "old-running-" + UUID.randomUUID();
        String running;
        String queued;
        try (var importsHeld = ImportJobFixtures.holdImports(environment.getProperty("supportdesk.db.url"), db)) {
            running = start(api, "", csv(customer, 5));
            queued = start(api, "", csv(customer, 4));
            awaitState(running, "running");

            clock.advance(Duration.ofDays(30));
            ImportJobPurge.Purged purged = purge.purge();

            assertThat(purged).isEqualTo(new ImportJobPurge.Purged(0, 0));
            assertThat(state(api.get("/imports/" + running).json())).isEqualTo("running");
            assertThat(state(api.get("/imports/" + queued).json())).isEqualTo("queued");
            assertThat(stateFile(running)).exists();
            assertThat(stateFile(queued)).exists();
        }
        assertThat(state(waitUntilDone(api, running))).isEqualTo("finished");
        assertThat(state(waitUntilDone(api, queued))).isEqualTo("finished");
        purge.purge();
        // Over now, at the clock's time: kept for the retention from here.
        assertThat(api.get("/imports/" + running).status()).isEqualTo(200);
        assertThat(ImportJobFixtures.stored(api, customer)).isEqualTo(9);
    }

    private void awaitState(String id, String wanted) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!state(api.get("/imports/" + id).json()).equals(wanted)) {
            assertThat(System.nanoTime()).as(id + " " + wanted + " in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private Path stateFile(String id) {
        return properties.dataDir().resolve("import-jobs").resolve(id + ".json");
    }

    private long rows(String table, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
