package org.supportdesk.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.system.Dialect;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of `import_job_states`: each background job as the instance running it last recorded it,
 * for the other instances sharing the database. Every change of a job that is not over yet is
 * guarded by its state, so that once a row says finished, failed or cancelled it stays so: a late
 * write of the running instance cannot bring back a job that another instance declared failed.
 *
 * <p>The times in the row are the database's clock, not the instances': whether a job's instance
 * stopped recording it is judged by comparing two readings of one clock, so instances whose clocks
 * disagree by minutes still see a live job alive. The table is PostgreSQL's (SQLite is one
 * instance, which keeps its jobs to itself), so the SQL may be PostgreSQL's; on SQLite it holds only
 * the ends of jobs that their state files could not take ({@link #insertEnd}), and the few
 * statements that read and purge those say so.
 */
final class ImportJobStates {

    /** The states in which a job may still change. */
    private static final String OPEN = "state IN ('" + ImportJob.QUEUED + "', '" + ImportJob.RUNNING + "')";
    /**
     * The database's time in epoch milliseconds. clock_timestamp(), not now(): now() is the start of
     * the transaction, and a job is recorded finished in its import's transaction, which began when
     * the import did.
     */
    private static final String NOW = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Which of the oldest rows one purge deletes: on PostgreSQL those no other instance is deleting. */
    private final String oldest;

    ImportJobStates(JdbcClient jdbc, JsonMapper json, Dialect dialect) {
        this.jdbc = jdbc;
        this.json = json;
        this.oldest = "SELECT id FROM import_job_states WHERE finished_at < ? ORDER BY finished_at LIMIT ?"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
    }

    /**
     * A job as recorded: when (the database's time), how long ago by the database's clock, and
     * whether another instance asked for its cancel.
     */
    record Recorded(ImportJob job, long updatedAt, long ageMillis, boolean cancelRequested) {}

    void insert(ImportJob job) {
        jdbc.sql("INSERT INTO import_job_states (id, state, job, updated_at) VALUES (?, ?, ?, " + NOW + ")")
                .params(job.id().toString(), job.state(), json.writeValueAsString(job))
                .update();
    }

    /**
     * SQLite: the end of a job of this instance that its state file could not take, so that a
     * restart tells it ({@link #end}). Once per job; the times are the instance's, as its file's.
     */
    void insertEnd(ImportJob done) {
        jdbc.sql("INSERT INTO import_job_states (id, state, job, updated_at, finished_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING")
                .params(
                        done.id().toString(),
                        done.state(),
                        json.writeValueAsString(done),
                        done.finishedAt().toEpochMilli(),
                        done.finishedAt().toEpochMilli())
                .update();
    }

    /** SQLite: a job's end as {@link #insertEnd} recorded it. */
    Optional<ImportJob> end(UUID id) {
        return jdbc.sql("SELECT job FROM import_job_states WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> json.readValue(rs.getString("job"), ImportJob.class))
                .optional();
    }

    /** Deletes the row of a job that could not be queued after all (it never ran). */
    void deleteQueued(UUID id) {
        jdbc.sql("DELETE FROM import_job_states WHERE id = ? AND state = '" + ImportJob.QUEUED + "'")
                .param(id.toString())
                .update();
    }

    /** Records the job's new state or progress; false when the row is over already (or missing). */
    boolean update(ImportJob job) {
        return set(job, "");
    }

    /**
     * Records the job finished, in its import's transaction, unless a cancel was asked for first:
     * false then, and the import rolls back. On PostgreSQL the row stays locked until the commit, so
     * a cancel asked for meanwhile waits for it and then finds the job over.
     */
    boolean finishUnlessCancelled(ImportJob job) {
        return set(job, " AND cancel_requested_at IS NULL");
    }

    /** Asks the running instance to cancel the job; false when it is over already. */
    boolean requestCancel(UUID id) {
        return jdbc.sql("UPDATE import_job_states SET cancel_requested_at = " + NOW + " WHERE id = ? AND " + OPEN)
                        .param(id.toString())
                        .update()
                == 1;
    }

    /**
     * Marks a job failed whose row has not changed since {@code updatedAt}: false when it has (its
     * instance recorded it meanwhile, or committed it).
     */
    boolean failUnchangedSince(ImportJob failed, long updatedAt) {
        return set(failed, " AND updated_at = ?", updatedAt);
    }

    /** Writes the job into its row while the row is not over and {@code also} holds. */
    private boolean set(ImportJob job, String also, Object... alsoParams) {
        var params = new ArrayList<Object>(List.of(job.state(), json.writeValueAsString(job)));
        // Set once the job is over: when it ended, by the clock of the instance that ended it, as
        // its state file and import_jobs have it, for the retention (ImportJobPurge).
        params.add(job.finishedAt() == null ? null : job.finishedAt().toEpochMilli());
        params.add(job.id().toString());
        params.addAll(List.of(alsoParams));
        return jdbc.sql("UPDATE import_job_states SET state = ?, job = ?, finished_at = ?, updated_at = " + NOW
                                + " WHERE id = ? AND " + OPEN + also)
                        .params(params)
                        .update()
                == 1;
    }

    /** Whether any job ended before {@code before}: a read, so that a purge with nothing to do writes nothing. */
    boolean anyOverBefore(Instant before) {
        return jdbc.sql("SELECT 1 FROM import_job_states WHERE finished_at < ? LIMIT 1")
                .param(before.toEpochMilli())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Deletes up to {@code limit} of the rows of jobs that ended before {@code before} (finished_at,
     * the job's end by the clock of the instance that ended it, is set once a job is over), oldest
     * first: how many. On PostgreSQL rows another instance's purge is deleting are skipped, not
     * waited for.
     */
    int deleteOverBefore(Instant before, int limit) {
        return jdbc.sql("DELETE FROM import_job_states WHERE id IN (" + oldest + ")")
                .params(before.toEpochMilli(), limit)
                .update();
    }

    /**
     * Up to {@code limit} jobs not over whose rows have not been recorded for {@code longer} by the
     * database's clock: jobs of instances that stopped, unless one answers for them.
     */
    List<UUID> notRecordedFor(Duration longer, int limit) {
        return jdbc.sql("SELECT id FROM import_job_states WHERE " + OPEN + " AND updated_at < " + NOW
                        + " - ? ORDER BY updated_at LIMIT ?")
                .params(longer.toMillis(), limit)
                .query((rs, n) -> UUID.fromString(rs.getString("id")))
                .list();
    }

    /** The jobs of any instance whose rows are not over: those waiting or running, and those not yet declared failed. */
    List<UUID> open() {
        return jdbc.sql("SELECT id FROM import_job_states WHERE " + OPEN)
                .query((rs, n) -> UUID.fromString(rs.getString("id")))
                .list();
    }

    Optional<Recorded> find(UUID id) {
        return jdbc.sql("SELECT job, updated_at, " + NOW + " - updated_at AS age, cancel_requested_at"
                        + " FROM import_job_states WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> new Recorded(
                        json.readValue(rs.getString("job"), ImportJob.class),
                        rs.getLong("updated_at"),
                        rs.getLong("age"),
                        rs.getObject("cancel_requested_at") != null))
                .optional();
    }
}
