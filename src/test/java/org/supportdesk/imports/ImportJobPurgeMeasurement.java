package org.supportdesk.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;
import org.supportdesk.system.Dialect;
import org.supportdesk.system.SupportdeskProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (the name keeps it out of `./mvnw verify`): how long one purge batch holds the
 * database (on SQLite, everybody's one writer) with 10,000 old jobs, for several batch sizes and
 * results of two sizes, and what a whole purge of them with their files costs. The figures in
 * docs/WORKSPACE.md came from {@code ./mvnw -o test -Dtest=ImportJobPurgeMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false} (SQLite) and {@code ./mvnw -o test-compile
 * surefire:test@postgresql -Dtest=ImportJobPurgeMeasurement}; it prints lines starting with MEASURE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
class ImportJobPurgeMeasurement {

    static final int JOBS = Integer.getInteger("jobs", 10_000);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        OnMovableClock.register(registry, "import-purge-measure", Instant.now());
    }

    @Autowired
    MovableClock clock;

    @Autowired
    ImportJobPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Database db;

    @Autowired
    Dialect dialect;

    @Autowired
    SupportdeskProperties properties;

    @Test
    void measure() throws Exception {
        var records = new ImportJobRecords(jdbc, json, dialect);
        var states = new ImportJobStates(jdbc, json, dialect);
        // A 50-row import's result (its 50 ids), and one of 2,000 rows (2,000 ids, 80 KB).
        for (int ids : new int[] {50, 2_000}) {
            for (int batch : new int[] {100, 500, 1_000, 5_000}) {
                int jobs = ids > 50 ? JOBS / 5 : JOBS;
                insertOld(jobs, ids, false);
                Instant before = clock.instant().minus(Duration.ofDays(7));
                report(
                        "import_jobs",
                        ids,
                        batch,
                        jobs,
                        () -> db.write(() -> records.deleteFinishedBefore(before, batch)));
                if (dialect.isSharedByInstances()) {
                    report("import_job_states", ids, batch, jobs, () -> states.deleteOverBefore(before, batch));
                }
            }
        }
        insertOld(JOBS, 50, true);
        long start = System.nanoTime();
        ImportJobPurge.Purged purged = purge.purge();
        System.out.printf(
                "MEASURE %s whole purge of %d jobs (files %d, rows %d): %d ms%n",
                dialect, JOBS, purged.files(), purged.rows(), (System.nanoTime() - start) / 1_000_000);
    }

    private void report(String table, int ids, int batch, int jobs, IntSupplier oneBatch) {
        var times = new ArrayList<Double>();
        long all = System.nanoTime();
        int deleted = 0;
        for (int n = batch; n == batch; deleted += n) {
            long t = System.nanoTime();
            n = oneBatch.getAsInt();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        System.out.printf(
                "MEASURE %s %s, %d jobs of %d ids, batch %d: %d deleted in %d batches, %.0f ms in all;"
                        + " a batch median %.1f ms, 90th percentile %.1f ms, max %.1f ms%n",
                dialect,
                table,
                jobs,
                ids,
                batch,
                deleted,
                times.size(),
                (System.nanoTime() - all) / 1e6,
                times.get(times.size() / 2),
                times.get(times.size() * 9 / 10),
                times.get(times.size() - 1));
    }

    /** {@code jobs} jobs finished eight days ago, their results listing {@code ids} ids; with state files. */
    private void insertOld(int jobs, int ids, boolean files) throws Exception {
        var imported = new ArrayList<String>();
        for (int i = 0; i < ids; i++) {
            imported.add(UUID.randomUUID().toString());
        }
        var result = new ImportResult(ids, ids, 0, List.of(), imported, false, false, false);
        String text = json.writeValueAsString(result);
        Instant finished = clock.instant().minus(Duration.ofDays(8));
        Path dir = properties.dataDir().resolve("import-jobs");
        for (int from = 0; from < jobs; from += 500) {
            var rows = new ArrayList<Object[]>();
            var stateRows = new ArrayList<Object[]>();
            for (int i = from; i < Math.min(jobs, from + 500); i++) {
                UUID id = UUID.randomUUID();
                var job = new ImportJob(
                        id,
                        ImportJob.FINISHED,
                        "t.csv",
                        false,
                        false,
                        1,
                        1,
                        ids,
                        ids,
                        0,
                        finished,
                        finished,
                        result,
                        null);
                rows.add(new Object[] {id.toString(), finished.toEpochMilli() + i, text});
                stateRows.add(new Object[] {id.toString(), json.writeValueAsString(job), finished.toEpochMilli() + i});
                if (files) {
                    Path file = Files.write(dir.resolve(id + ".json"), json.writeValueAsBytes(job));
                    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(finished));
                }
            }
            db.write(() -> insert(rows, stateRows));
        }
    }

    private Void insert(List<Object[]> rows, List<Object[]> stateRows) {
        for (Object[] row : rows) {
            jdbc.sql("INSERT INTO import_jobs (id, finished_at, result) VALUES (?, ?, ?)")
                    .params(row)
                    .update();
        }
        if (dialect.isSharedByInstances()) {
            for (Object[] row : stateRows) {
                jdbc.sql("INSERT INTO import_job_states (id, state, job, updated_at, finished_at)"
                                + " VALUES (?, 'finished', ?, ?, ?)")
                        .params(row[0], row[1], row[2], row[2])
                        .update();
            }
        }
        return null;
    }
}
