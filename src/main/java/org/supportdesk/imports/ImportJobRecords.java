package org.supportdesk.imports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.system.Dialect;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of `import_jobs`: a job's result, written in its import's transaction (so the record and
 * the tickets commit together) and read by any instance sharing the database.
 */
final class ImportJobRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Which of the oldest rows one purge deletes: on PostgreSQL those no other instance is deleting. */
    private final String oldest;

    ImportJobRecords(JdbcClient jdbc, JsonMapper json, Dialect dialect) {
        this.jdbc = jdbc;
        this.json = json;
        this.oldest = "SELECT id FROM import_jobs WHERE finished_at < ? ORDER BY finished_at LIMIT ?"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
    }

    void insert(UUID job, Instant finishedAt, ImportResult result) {
        jdbc.sql("INSERT INTO import_jobs (id, finished_at, result) VALUES (?, ?, ?)")
                .params(job.toString(), finishedAt.toEpochMilli(), json.writeValueAsString(result))
                .update();
    }

    /** A job's result and when its import committed, by the clock of the instance that ran it. */
    record Committed(Instant finishedAt, ImportResult result) {}

    /** The result of a job whose import committed, on whichever instance ran it. */
    Optional<Committed> committed(UUID job) {
        return jdbc.sql("SELECT finished_at, result FROM import_jobs WHERE id = ?")
                .param(job.toString())
                .query((rs, n) -> new Committed(
                        Instant.ofEpochMilli(rs.getLong("finished_at")),
                        json.readValue(rs.getString("result"), ImportResult.class)))
                .optional();
    }

    /** Whether any job finished before {@code before}: a read, so that a purge with nothing to do writes nothing. */
    boolean anyFinishedBefore(Instant before) {
        return jdbc.sql("SELECT 1 FROM import_jobs WHERE finished_at < ? LIMIT 1")
                .param(before.toEpochMilli())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Deletes up to {@code limit} of the records of jobs finished before {@code before}, oldest
     * first: how many. On PostgreSQL rows another instance's purge is deleting are skipped, not
     * waited for, so two purges at once neither wait for each other nor deadlock.
     */
    int deleteFinishedBefore(Instant before, int limit) {
        return jdbc.sql("DELETE FROM import_jobs WHERE id IN (" + oldest + ")")
                .params(before.toEpochMilli(), limit)
                .update();
    }
}
