package org.supportdesk.imports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of `import_jobs`: a job's result, written in its import's transaction (so the record and
 * the tickets commit together) and read by any instance sharing the database.
 */
final class ImportJobRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID job, Instant finishedAt, ImportResult result) {
        jdbc.sql("INSERT INTO import_jobs (id, finished_at, result) VALUES (?, ?, ?)")
                .params(job.toString(), finishedAt.toEpochMilli(), json.writeValueAsString(result))
                .update();
    }

    /** The result of a job whose import committed, on whichever instance ran it. */
    Optional<ImportResult> result(UUID job) {
        return jdbc.sql("SELECT result FROM import_jobs WHERE id = ?")
                .param(job.toString())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ImportResult.class));
    }
}
