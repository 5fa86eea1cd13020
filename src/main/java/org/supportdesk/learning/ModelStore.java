package org.supportdesk.learning;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;

/**
 * The classifier_models table: every instance reads the newest model from it, so all decide with
 * the same one, and a restart finds it there. The last {@value #KEPT} models are kept.
 */
@Component
class ModelStore {

    static final int KEPT = 3;

    /** A stored model: its version and what is known of it, and its bytes. */
    record Stored(
            int version, Instant trainedAt, String jobId, int examples, long watermark, String report, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final Database db;

    ModelStore(JdbcClient jdbc, Database db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** The newest model's version, 0 when there is none: what every instance polls (the primary key's last entry). */
    int latestVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM classifier_models")
                .query(Integer.class)
                .single();
    }

    Optional<Stored> load(int version) {
        return jdbc.sql("SELECT version, trained_at, job_id, examples, watermark, report, model"
                        + " FROM classifier_models WHERE version = ?")
                .param(version)
                .query((rs, n) -> new Stored(
                        rs.getInt(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getBytes(7)))
                .optional();
    }

    /** Stores a new model as the newest version and drops the oldest beyond {@value #KEPT}; returns its version. */
    int save(Instant trainedAt, String jobId, int examples, long watermark, String report, byte[] bytes) {
        return db.write(() -> {
            // One training runs at a time (TrainingJobs), so no one else takes this version meanwhile.
            int version = latestVersion() + 1;
            jdbc.sql("INSERT INTO classifier_models (version, trained_at, job_id, examples, watermark, report, model)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(version, trainedAt.toEpochMilli(), jobId, examples, watermark, report, bytes)
                    .update();
            jdbc.sql("DELETE FROM classifier_models WHERE version <= ?")
                    .param(version - KEPT)
                    .update();
            return version;
        });
    }
}
