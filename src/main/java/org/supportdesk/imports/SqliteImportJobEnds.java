package org.supportdesk.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.system.Database;

/**
 * On SQLite the instance's state files are the jobs' whole truth, and the database holds only the
 * commits' records (import_jobs). A cancelled or failed job whose end its file could not take (a
 * full disk) had it in memory alone, and a restart before the file was written found the file's
 * "queued" or "running" and made it "failed": true of what was stored, but the cancel was lost. Such
 * an end is written into import_job_states (otherwise empty on SQLite) for the restart to read
 * ({@link ImportJobRestart}); the purge deletes it with the rest ({@link ImportJobPurge}).
 */
final class SqliteImportJobEnds {

    private static final Logger log = LoggerFactory.getLogger(SqliteImportJobEnds.class);

    private final ImportJobStates states;
    private final Database db;

    SqliteImportJobEnds(ImportJobStates states, Database db) {
        this.states = states;
        this.db = db;
    }

    /**
     * Whether the database has the end of a job its file could not take: a finished job's is its
     * commit's record. Through SQLite's one writer, so a cancel then waits for an import holding it;
     * only when the file could not be written, never otherwise. A failure is logged, not thrown: the
     * end is tried again with its file ({@link ImportJobRun#recordEnd}).
     */
    boolean recorded(ImportJob done) {
        if (done.state().equals(ImportJob.FINISHED)) {
            return true;
        }
        try {
            db.write(() -> {
                states.insertEnd(done);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Cannot record import job {} as {} in the database: {}", done.id(), done.state(), e.toString());
            return false;
        }
    }
}
