-- SQLite dialect; db/migration/postgresql holds the PostgreSQL way to the same ends.
--
-- Webhooks (docs/WEBHOOKS.md): the registrations, an outbox of events written in the same
-- transaction as the change they describe, and a delivery per event and webhook with its attempts.

CREATE TABLE webhooks (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  url             TEXT         NOT NULL,
  events          TEXT         NOT NULL, -- JSON array of event types
  secret          TEXT         NOT NULL, -- kept as given: the HMAC needs it (docs/WEBHOOKS.md)
  enabled         BOOLEAN      NOT NULL,
  disabled_reason TEXT,
  created_at      BIGINT       NOT NULL,
  updated_at      BIGINT       NOT NULL
);

-- The outbox: one row per event, its body as it is sent, written only when an enabled webhook
-- subscribes to its type.
CREATE TABLE webhook_events (
  id    VARCHAR(36) NOT NULL PRIMARY KEY,
  type  VARCHAR(64) NOT NULL,
  at    BIGINT      NOT NULL,
  body  TEXT        NOT NULL
);

-- One row per event and webhook, written with the event. seq orders a ticket's deliveries (a
-- ticket's changes are serialised by its row, so their seq follow commit order); ticket_id is the
-- key they are ordered by (NULL: an event about no ticket, ordered by nothing). A pending row is
-- due at next_at; claiming it moves next_at past the send's timeout (a lease: if the instance dies,
-- the row is due again after it).
CREATE TABLE webhook_deliveries (
  seq              INTEGER     PRIMARY KEY,
  id               VARCHAR(36) NOT NULL UNIQUE,
  webhook_id       VARCHAR(36) NOT NULL,
  event_id         VARCHAR(36) NOT NULL,
  ticket_id        VARCHAR(36),
  state            VARCHAR(16) NOT NULL, -- 'pending', 'delivered' or 'failed' (gave up)
  attempts         INTEGER     NOT NULL,
  next_at          BIGINT      NOT NULL,
  first_attempt_at BIGINT,
  created_at       BIGINT      NOT NULL,
  done_at          BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (webhook_id, ticket_id, seq) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, seq);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_done ON webhook_deliveries (done_at) WHERE state <> 'pending';

CREATE TABLE webhook_attempts (
  delivery_id VARCHAR(36) NOT NULL,
  attempt     INTEGER     NOT NULL,
  at          BIGINT      NOT NULL,
  status_code INTEGER,              -- NULL: no answer (timeout, connection, refused address)
  duration_ms BIGINT      NOT NULL,
  error       TEXT,
  PRIMARY KEY (delivery_id, attempt)
);
