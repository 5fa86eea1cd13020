package org.supportdesk.imports;

/**
 * The end of a job of this instance ({@link ImportJobRun}) until both its state file and the
 * database have it: a write that failed (a full disk, the database away) is tried again rather
 * than lost ({@link #record}), and never changes what the job's outcome is.
 */
final class ImportJobEnd {

    private final ImportJob job;
    private final ImportJobFiles files;
    private final SharedImportJobs shared;
    /** Whether the end is in the job's file, and in the database (always, on SQLite): guarded by this. */
    private boolean inFile;

    private boolean inDatabase;

    ImportJobEnd(ImportJob job, ImportJobFiles files, SharedImportJobs shared) {
        this.job = job;
        this.files = files;
        this.shared = shared;
    }

    /**
     * Records the end where it is not recorded yet, its file and the database: whether both have it
     * now. Until they do, {@link ImportJobs} keeps the job and calls this again.
     */
    synchronized boolean record() {
        if (!inFile) {
            inFile = files.saved(job);
        }
        if (!inDatabase) {
            inDatabase = inFile ? shared.recorded(job) : shared.recordedWithoutFile(job);
        }
        return inFile && inDatabase;
    }

    /** Whether its file and the database have it. */
    synchronized boolean recorded() {
        return inFile && inDatabase;
    }
}
