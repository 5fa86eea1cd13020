package org.supportdesk.backups;

import org.springframework.http.HttpStatus;
import org.supportdesk.system.ApiException;

/** Why a backup was not taken. */
final class BackupFailures {

    private BackupFailures() {}

    /** PostgreSQL has tools of its own for this. */
    static final class Unsupported extends ApiException {
        Unsupported() {
            super(
                    HttpStatus.NOT_IMPLEMENTED,
                    "Backups through the API are for the embedded SQLite database; on PostgreSQL use pg_dump"
                            + " and pg_restore as docs/OPERATIONS.md (\"Backups on PostgreSQL\") shows");
        }
    }

    static final class AlreadyRunning extends ApiException {
        AlreadyRunning() {
            super(HttpStatus.CONFLICT, "A backup is being written; try again when it is done");
        }
    }

    static final class NotEnoughSpace extends ApiException {
        NotEnoughSpace(long freeBytes, long neededBytes) {
            super(
                    HttpStatus.INSUFFICIENT_STORAGE,
                    "Not enough disk space for a backup: " + mb(freeBytes) + " MB free, about " + mb(neededBytes)
                            + " MB needed; remove old backups or lower supportdesk.backup.keep");
        }

        private static long mb(long bytes) {
            return (bytes + (1 << 20) - 1) >> 20;
        }
    }
}
