-- PostgreSQL dialect; db/migration/sqlite holds the same change.
-- Background imports that are over are deleted once they ended longer than
-- supportdesk.import-job-retention (7 days by default) ago, hourly, a few hundred rows at a time
-- (imports.ImportJobPurge). import_job_states gets the job's end, as the instance that ended it
-- timed it (updated_at is the database's clock, for the verdict on jobs whose instance stopped);
-- a row over before this change ended when it was last written. The indexes find the oldest
-- without reading the whole table.
ALTER TABLE import_job_states ADD COLUMN finished_at BIGINT;
UPDATE import_job_states SET finished_at = updated_at WHERE state NOT IN ('queued', 'running');
CREATE INDEX import_job_states_finished ON import_job_states (finished_at);
CREATE INDEX import_jobs_finished ON import_jobs (finished_at);
