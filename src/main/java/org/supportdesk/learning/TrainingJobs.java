package org.supportdesk.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;

/**
 * The classifier_training_jobs table. At most one job is queued or running at a time across all
 * instances sharing the database: its row holds {@code active = 1}, which is unique, so a second
 * start finds the first instead. The instance running a job updates its heartbeat; a job whose
 * heartbeat stopped (its instance died) is marked failed by whichever instance notices.
 */
@Component
class TrainingJobs {

    /** Finished jobs kept for GET; older ones are deleted as new ones start. */
    static final int KEPT = 100;

    private static final String COLUMNS =
            "id, state, reason, requested_by, created_at, finished_at, examples, model_version, error, watermark";

    private final JdbcClient jdbc;
    private final Database db;

    TrainingJobs(JdbcClient jdbc, Database db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** Queues a new job, unless one is already queued or running: then empty. */
    Optional<TrainingJob> start(String reason, String requestedBy, Instant now) {
        String id = UUID.randomUUID().toString();
        int inserted = db.write(() -> {
            jdbc.sql("DELETE FROM classifier_training_jobs WHERE active IS NULL AND created_at < (SELECT created_at"
                            + " FROM classifier_training_jobs ORDER BY created_at DESC LIMIT 1 OFFSET ?)")
                    .param(KEPT - 1)
                    .update();
            return jdbc.sql("INSERT INTO classifier_training_jobs (id, state, active, reason, requested_by, created_at,"
                            + " heartbeat_at) VALUES (?, ?, 1, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id, TrainingJob.QUEUED, reason, requestedBy, now.toEpochMilli(), now.toEpochMilli())
                    .update();
        });
        return inserted == 1 ? find(id) : Optional.empty();
    }

    Optional<TrainingJob> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_training_jobs WHERE id = ?")
                .param(id)
                .query((rs, n) -> job(rs))
                .optional();
    }

    /** The job queued or running now, on any instance. */
    Optional<TrainingJob> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_training_jobs WHERE active = 1")
                .query((rs, n) -> job(rs))
                .optional();
    }

    /** The latest job and, when it failed, the last change it had read up to (so the next waits for newer ones). */
    record Latest(TrainingJob job, long watermark) {}

    Optional<Latest> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_training_jobs ORDER BY created_at DESC LIMIT 1")
                .query((rs, n) -> new Latest(job(rs), rs.getLong(10)))
                .optional();
    }

    void running(String id, long watermark, Instant now) {
        update(
                "UPDATE classifier_training_jobs SET state = ?, watermark = ?, heartbeat_at = ? WHERE id = ?",
                TrainingJob.RUNNING,
                watermark,
                now.toEpochMilli(),
                id);
    }

    void heartbeat(String id, Instant now) {
        update(
                "UPDATE classifier_training_jobs SET heartbeat_at = ? WHERE id = ? AND active = 1",
                now.toEpochMilli(),
                id);
    }

    void succeeded(String id, int examples, int version, Instant now) {
        update(
                "UPDATE classifier_training_jobs SET state = ?, active = NULL, examples = ?, model_version = ?,"
                        + " finished_at = ? WHERE id = ?",
                TrainingJob.SUCCEEDED,
                examples,
                version,
                now.toEpochMilli(),
                id);
    }

    void failed(String id, Integer examples, String error, Instant now) {
        update(
                "UPDATE classifier_training_jobs SET state = ?, active = NULL, examples = ?, error = ?, finished_at = ?"
                        + " WHERE id = ?",
                TrainingJob.FAILED,
                examples,
                clip(error),
                now.toEpochMilli(),
                id);
    }

    /** Marks failed a queued or running job whose heartbeat is older than {@code before}: its instance stopped. */
    int abandonSilent(Instant before, Instant now) {
        return db.write(() -> jdbc.sql("UPDATE classifier_training_jobs SET state = ?, active = NULL, error = ?,"
                        + " finished_at = ? WHERE active = 1 AND heartbeat_at < ?")
                .params(
                        TrainingJob.FAILED,
                        "abandoned: the instance running it stopped",
                        now.toEpochMilli(),
                        before.toEpochMilli())
                .update());
    }

    private void update(String sql, Object... params) {
        db.write(() -> jdbc.sql(sql).params(params).update());
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static TrainingJob job(ResultSet rs) throws SQLException {
        long finished = rs.getLong(6);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new TrainingJob(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                finishedAt,
                rs.getObject(7) == null ? null : rs.getInt(7),
                rs.getObject(8) == null ? null : rs.getInt(8),
                rs.getString(9));
    }
}
