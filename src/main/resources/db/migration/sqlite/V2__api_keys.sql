-- SQLite dialect; db/migration/postgresql holds the same schema for PostgreSQL.
-- API keys. Only the SHA-256 of a key is stored (hex); the key itself is shown once, at creation.
CREATE TABLE api_keys (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  role         VARCHAR(16)  NOT NULL, -- 'viewer', 'agent' or 'admin'
  key_hash     VARCHAR(64)  NOT NULL UNIQUE,
  created_at   BIGINT       NOT NULL, -- epoch milliseconds, as in tickets
  revoked_at   BIGINT,
  last_used_at BIGINT                 -- kept to the minute, not per request
);

-- Who did it: the key's id beside its name (the name stays in created_by and actor).
ALTER TABLE tickets ADD COLUMN created_by_id VARCHAR(36);
ALTER TABLE ticket_history ADD COLUMN actor_id VARCHAR(36);
