-- SQLite dialect; db/migration/postgresql holds the same change.
-- The agents' workspace (issue 12): people who sign in, their set-password links, saved inbox
-- views, and the record of committed background imports.

-- A person who signs in to the workspace. The name is what assigned_to and the history show, so it
-- is unique; the email (lower case) is what they sign in with. password_hash is null until the
-- agent sets a password through the link an admin hands over. session_epoch is part of every
-- session cookie: raising it ends all of the agent's sessions (deactivation, a new password).
CREATE TABLE agents (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  email          VARCHAR(254) NOT NULL UNIQUE,
  name           VARCHAR(100) NOT NULL UNIQUE,
  role           VARCHAR(16)  NOT NULL,
  password_hash  VARCHAR(100),
  session_epoch  INTEGER      NOT NULL,
  created_at     BIGINT       NOT NULL,
  deactivated_at BIGINT
);

-- One-time set-password links: only the SHA-256 of the token is kept.
CREATE TABLE agent_password_links (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  agent_id   VARCHAR(36) NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  expires_at BIGINT      NOT NULL,
  used_at    BIGINT
);
CREATE INDEX agent_password_links_agent ON agent_password_links (agent_id);

-- Saved inbox views: a query string of the list filters and sort; owner_id null is shared.
CREATE TABLE saved_views (
  id         VARCHAR(36)   NOT NULL PRIMARY KEY,
  owner_id   VARCHAR(36)   REFERENCES agents (id) ON DELETE CASCADE,
  name       VARCHAR(100)  NOT NULL,
  query      VARCHAR(2000) NOT NULL,
  created_at BIGINT        NOT NULL
);
CREATE INDEX saved_views_owner ON saved_views (owner_id);

-- A background import that committed, written in the import's own transaction: the row exists
-- exactly when the tickets do, so after a restart a job is either finished (row) or failed.
CREATE TABLE import_jobs (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  finished_at BIGINT      NOT NULL,
  result      TEXT        NOT NULL
);

-- The dashboard's resolved-per-day and resolution times read recent resolutions.
CREATE INDEX tickets_resolved ON tickets (resolved_at);
