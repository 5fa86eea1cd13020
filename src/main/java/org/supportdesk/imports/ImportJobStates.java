package org.supportdesk.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of `import_job_states`: each background job as the instance running it last recorded it,
 * for the other instances sharing the database. Every change of a job that is not over yet is
 * guarded by its state, so that once a row says finished, failed or cancelled it stays so: a late
 * write of the running instance cannot bring back a job that another instance declared failed.
 */
final class ImportJobStates {

    /** The states in which a job may still change. */
    private static final String OPEN = "state IN ('" + ImportJob.QUEUED + "', '" + ImportJob.RUNNING + "')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobStates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job as recorded: when, and whether another instance asked for its cancel. */
    record Recorded(ImportJob job, long updatedAt, boolean cancelRequested) {}

    void insert(ImportJob job, Instant at) {
        jdbc.sql("INSERT INTO import_job_states (id, state, job, updated_at) VALUES (?, ?, ?, ?)")
                .params(job.id().toString(), job.state(), json.writeValueAsString(job), at.toEpochMilli())
                .update();
    }

    /** Records the job's new state or progress; false when the row is over already (or missing). */
    boolean update(ImportJob job, Instant at) {
        return set(job, at, "");
    }

    /**
     * Records the job finished, in its import's transaction, unless a cancel was asked for first:
     * false then, and the import rolls back. On PostgreSQL the row stays locked until the commit, so
     * a cancel asked for meanwhile waits for it and then finds the job over.
     */
    boolean finishUnlessCancelled(ImportJob job, Instant at) {
        return set(job, at, " AND cancel_requested_at IS NULL");
    }

    /** Asks the running instance to cancel the job; false when it is over already. */
    boolean requestCancel(UUID id, Instant at) {
        return jdbc.sql("UPDATE import_job_states SET cancel_requested_at = ? WHERE id = ? AND " + OPEN)
                        .params(at.toEpochMilli(), id.toString())
                        .update()
                == 1;
    }

    /**
     * Marks a job failed whose row has not changed since {@code updatedAt}: false when it has (its
     * instance recorded it meanwhile, or committed it).
     */
    boolean failUnchangedSince(ImportJob failed, long updatedAt, Instant at) {
        return set(failed, at, " AND updated_at = ?", updatedAt);
    }

    /** Writes the job into its row while the row is not over and {@code also} holds. */
    private boolean set(ImportJob job, Instant at, String also, Object... alsoParams) {
        var params = new ArrayList<Object>(List.of(job.state(), json.writeValueAsString(job), at.toEpochMilli()));
        params.add(job.id().toString());
        params.addAll(List.of(alsoParams));
        return jdbc.sql("UPDATE import_job_states SET state = ?, job = ?, updated_at = ? WHERE id = ? AND " + OPEN
                                + also)
                        .params(params)
                        .update()
                == 1;
    }

    Optional<Recorded> find(UUID id) {
        return jdbc.sql("SELECT job, updated_at, cancel_requested_at FROM import_job_states WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> new Recorded(
                        json.readValue(rs.getString("job"), ImportJob.class),
                        rs.getLong("updated_at"),
                        rs.getObject("cancel_requested_at") != null))
                .optional();
    }
}
