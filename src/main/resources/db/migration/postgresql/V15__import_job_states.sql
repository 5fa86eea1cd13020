-- PostgreSQL dialect; db/migration/sqlite holds the same change.
-- Background imports as every instance sees them, for several instances on one PostgreSQL: the
-- instance that runs a job records its state here (the job as GET /imports/{id} shows it, in job)
-- when it is queued, every second while it waits or runs, and when it is over; a DELETE on
-- another instance asks for the cancel here (cancel_requested_at), and the running instance sees
-- that at its next record. A job whose row stops being updated for a minute belongs to an
-- instance that stopped: any instance then marks it failed (ImportJobStates). SQLite is one
-- instance's file, so there the service keeps the states on its disk alone and leaves this empty.
CREATE TABLE import_job_states (
  id                  VARCHAR(36) NOT NULL PRIMARY KEY,
  state               VARCHAR(16) NOT NULL,
  job                 TEXT        NOT NULL,
  updated_at          BIGINT      NOT NULL,
  cancel_requested_at BIGINT
);
