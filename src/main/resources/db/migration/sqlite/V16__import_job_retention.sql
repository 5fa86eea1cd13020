-- SQLite dialect; db/migration/postgresql holds the same change.
-- Background imports that are over are deleted once they are older than
-- supportdesk.import-job-retention (7 days by default), hourly, a few hundred rows at a time
-- (imports.ImportJobPurge): these indexes find the oldest without reading the whole table. In
-- import_job_states a row that is over is not written again, so its updated_at is when it ended.
CREATE INDEX import_jobs_finished ON import_jobs (finished_at);
CREATE INDEX import_job_states_updated ON import_job_states (updated_at);
