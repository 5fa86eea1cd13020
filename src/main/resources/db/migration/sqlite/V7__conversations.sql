-- SQLite dialect; db/migration/postgresql holds the same change for PostgreSQL.
-- Conversations (issue 11): comments and their attachments, merges, response clocks and SLA.
-- docs/CONVERSATIONS.md says what each column means to a client.

-- The counts triggers are rebuilt below, with the SLA outcomes; none may run in between.
DROP TRIGGER ticket_counts_delete;
DROP TRIGGER ticket_counts_update;

-- What the conversation and the SLA clocks keep on the ticket row. Lists filter and sort on it, so
-- the SLA state is stored rather than computed per request: sla_due_at is the next moment one of
-- the ticket's open targets falls due (9223372036854775807 when none runs: all met, the ticket
-- resolved, or its clock paused), so that sla=breached is `sla_due_at < now`, an index range,
-- and sort=sla_due_at reads the same index. The service keeps every column in step on each write
-- (tickets/TicketColumn); no job runs in the background.
ALTER TABLE tickets ADD COLUMN first_response_at BIGINT;
ALTER TABLE tickets ADD COLUMN last_comment_at BIGINT;
ALTER TABLE tickets ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN merged_into VARCHAR(36);
ALTER TABLE tickets ADD COLUMN first_response_due_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN resolution_due_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_paused_at BIGINT;          -- since when it waits on the customer
ALTER TABLE tickets ADD COLUMN sla_paused_ms BIGINT NOT NULL DEFAULT 0; -- working time of past pauses
ALTER TABLE tickets ADD COLUMN sla_due_at BIGINT NOT NULL DEFAULT 0;
-- 0 not decided, 1 met in time, 2 missed; counted per group in ticket_counts for the stats.
ALTER TABLE tickets ADD COLUMN first_response_outcome SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN resolution_outcome SMALLINT NOT NULL DEFAULT 0;

-- Tickets stored before this version: due times from the default targets, around the clock (the
-- configured policy applies from their next change of priority); a ticket waiting on the customer
-- has waited since its last change.
UPDATE tickets SET
  first_response_due_at = created_at + CASE priority WHEN 'urgent' THEN 3600000 WHEN 'high' THEN 14400000
                                                     WHEN 'medium' THEN 28800000 ELSE 86400000 END,
  resolution_due_at = created_at + CASE priority WHEN 'urgent' THEN 14400000 WHEN 'high' THEN 86400000
                                                 WHEN 'medium' THEN 259200000 ELSE 604800000 END,
  sla_paused_at = CASE WHEN status = 'waiting_customer' THEN updated_at END;
UPDATE tickets SET
  first_response_outcome = CASE WHEN resolved_at > first_response_due_at THEN 2 ELSE 0 END,
  resolution_outcome = CASE WHEN resolved_at IS NULL THEN 0 WHEN resolved_at <= resolution_due_at THEN 1 ELSE 2 END,
  sla_due_at = CASE
    WHEN resolved_at IS NOT NULL THEN 4611686018427387904 + created_at
    WHEN sla_paused_at IS NULL THEN min(first_response_due_at, resolution_due_at)
    WHEN first_response_due_at < sla_paused_at THEN first_response_due_at
    ELSE 4611686018427387904 + created_at END;
-- Ties are rare (a millisecond shared by two due times), so, as for created_at, without the id:
-- new tickets append to the index.
CREATE INDEX tickets_sla_due ON tickets (sla_due_at);

-- The stats' counts gain the SLA outcomes: 120 groups become 1,080, still read in constant time.
CREATE TABLE ticket_counts_new (
  category               VARCHAR(32) NOT NULL,
  priority               VARCHAR(16) NOT NULL,
  status                 VARCHAR(32) NOT NULL,
  first_response_outcome SMALLINT    NOT NULL,
  resolution_outcome     SMALLINT    NOT NULL,
  n                      BIGINT      NOT NULL,
  PRIMARY KEY (category, priority, status, first_response_outcome, resolution_outcome)
);
INSERT INTO ticket_counts_new (category, priority, status, first_response_outcome, resolution_outcome, n)
  SELECT c.category, c.priority, c.status, f.o, r.o, COALESCE(g.n, 0)
    FROM ticket_counts c
         CROSS JOIN (SELECT 0 AS o UNION ALL SELECT 1 UNION ALL SELECT 2) f
         CROSS JOIN (SELECT 0 AS o UNION ALL SELECT 1 UNION ALL SELECT 2) r
         LEFT JOIN (SELECT category, priority, status, first_response_outcome AS fo, resolution_outcome AS ro,
                           COUNT(*) AS n
                      FROM tickets GROUP BY category, priority, status, first_response_outcome, resolution_outcome) g
           ON g.category = c.category AND g.priority = c.priority AND g.status = c.status
          AND g.fo = f.o AND g.ro = r.o;
DROP TABLE ticket_counts;
ALTER TABLE ticket_counts_new RENAME TO ticket_counts;

CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets
BEGIN
  UPDATE ticket_counts SET n = n - 1
   WHERE category = OLD.category AND priority = OLD.priority AND status = OLD.status
     AND first_response_outcome = OLD.first_response_outcome AND resolution_outcome = OLD.resolution_outcome;
END;

CREATE TRIGGER ticket_counts_update
AFTER UPDATE OF category, priority, status, first_response_outcome, resolution_outcome ON tickets
WHEN OLD.category <> NEW.category OR OLD.priority <> NEW.priority OR OLD.status <> NEW.status
  OR OLD.first_response_outcome <> NEW.first_response_outcome OR OLD.resolution_outcome <> NEW.resolution_outcome
BEGIN
  UPDATE ticket_counts SET n = n - 1
   WHERE category = OLD.category AND priority = OLD.priority AND status = OLD.status
     AND first_response_outcome = OLD.first_response_outcome AND resolution_outcome = OLD.resolution_outcome;
  UPDATE ticket_counts SET n = n + 1
   WHERE category = NEW.category AND priority = NEW.priority AND status = NEW.status
     AND first_response_outcome = NEW.first_response_outcome AND resolution_outcome = NEW.resolution_outcome;
END;

-- History events about a comment name it, so that deleting a comment can remove its text from
-- the events of its edits; `detail` holds the comment or merge an event is about (JSON).
ALTER TABLE ticket_history ADD COLUMN detail TEXT;
ALTER TABLE ticket_history ADD COLUMN comment_id VARCHAR(36);
CREATE INDEX ticket_history_comment ON ticket_history (comment_id) WHERE comment_id IS NOT NULL;

-- Comments, oldest first: by creation time, then by arrival (seq). Comments moved by a merge keep
-- both and name the ticket they came from. A deleted comment stays as a tombstone without its body.
-- Deleting a ticket deletes its comments, their attachments and the attachments' bytes (foreign
-- keys: unlike the tickets table, nothing here is written by bulk imports).
CREATE TABLE ticket_comments (
  seq         INTEGER      PRIMARY KEY,
  id          VARCHAR(36)  NOT NULL UNIQUE,
  ticket_id   VARCHAR(36)  NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  created_at  BIGINT       NOT NULL,
  author      VARCHAR(200) NOT NULL,
  author_id   VARCHAR(36),
  author_type VARCHAR(16)  NOT NULL, -- 'agent' or 'customer'
  visibility  VARCHAR(16)  NOT NULL, -- 'public' or 'internal'
  body        TEXT,                  -- NULL once deleted
  edited_at   BIGINT,
  deleted_at  BIGINT,
  deleted_by  VARCHAR(200),
  merged_from VARCHAR(36)
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at, seq);

-- Files, stored in the database so that every instance serves them with no other server. The
-- bytes are in chunks of 256 KiB, written and read one at a time: neither driver streams a single
-- large value, and a chunk at a time keeps an upload or a download out of the heap.
CREATE TABLE attachments (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  comment_id   VARCHAR(36)  NOT NULL REFERENCES ticket_comments (id) ON DELETE CASCADE,
  position     INTEGER      NOT NULL, -- the order the files came in
  filename     VARCHAR(255) NOT NULL,
  content_type VARCHAR(255) NOT NULL,
  size         BIGINT       NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  created_at   BIGINT       NOT NULL
);
CREATE INDEX attachments_comment ON attachments (comment_id, position);

CREATE TABLE attachment_chunks (
  attachment_id VARCHAR(36) NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
  n             INTEGER     NOT NULL,
  data          BLOB        NOT NULL,
  PRIMARY KEY (attachment_id, n)
);
