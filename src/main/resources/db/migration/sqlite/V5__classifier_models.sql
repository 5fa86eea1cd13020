-- SQLite dialect; db/migration/postgresql holds the same change for PostgreSQL.
-- The team's classification model (issue 14): each trained model with its version, so that every
-- instance decides with the same one and a restart keeps it. The newest version is the model in use;
-- the service keeps the last few and deletes older ones.
CREATE TABLE classifier_models (
  version    INTEGER      NOT NULL PRIMARY KEY,
  trained_at BIGINT       NOT NULL,
  job_id     VARCHAR(36)  NOT NULL,
  examples   INTEGER      NOT NULL,
  watermark  BIGINT       NOT NULL, -- tickets changed after this (updated_at) are new examples to it
  report     TEXT         NOT NULL, -- JSON: examples per label, cross-validated accuracy beside the rules'
  model      BLOB         NOT NULL  -- TrainedModel.toBytes()
);

-- Trainings, asked for (POST /classification/model/train) or started by new examples. `active` is 1
-- while a job is queued or running and NULL after: the unique constraint lets one job run at a time
-- across every instance sharing the database (NULLs are distinct).
CREATE TABLE classifier_training_jobs (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  state         VARCHAR(16)   NOT NULL, -- queued, running, succeeded, failed
  active        SMALLINT      UNIQUE,
  reason        VARCHAR(16)   NOT NULL, -- requested, new_examples
  requested_by  VARCHAR(200),
  created_at    BIGINT        NOT NULL,
  heartbeat_at  BIGINT        NOT NULL, -- the instance running it says it is alive; a silent job is abandoned
  finished_at   BIGINT,
  watermark     BIGINT,
  examples      INTEGER,
  model_version INTEGER,
  error         VARCHAR(1000)
);
CREATE INDEX classifier_training_jobs_created ON classifier_training_jobs (created_at);
