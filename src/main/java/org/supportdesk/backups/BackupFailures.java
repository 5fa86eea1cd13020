package org.supportdesk.backups;

import org.supportdesk.system.Conflict;
import org.supportdesk.system.NotSupportedHere;
import org.supportdesk.system.StorageFull;

/** Why a backup was not taken. */
final class BackupFailures {

    private BackupFailures() {}

    /** PostgreSQL has tools of its own for this. */
    static final class Unsupported extends NotSupportedHere {
        Unsupported() {
            super("Backups through the API are for the embedded SQLite database; on PostgreSQL use pg_dump"
                    + " and pg_restore as docs/OPERATIONS.md (\"Backups on PostgreSQL\") shows");
        }
    }

    static final class AlreadyRunning extends Conflict {
        AlreadyRunning() {
            super("A backup is being written; try again when it is done");
        }
    }

    static final class NotEnoughSpace extends StorageFull {
        NotEnoughSpace(long freeBytes, long neededBytes) {
            super("Not enough disk space for a backup: " + mb(freeBytes) + " MB free, about " + mb(neededBytes)
                    + " MB needed; remove old backups or lower supportdesk.backup.keep");
        }

        private static long mb(long bytes) {
            return (bytes + (1 << 20) - 1) >> 20;
        }
    }
}
