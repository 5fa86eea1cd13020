-- PostgreSQL dialect of sqlite/V7: the same tables and columns (comments there). What differs:
-- identities for seq, BYTEA for the bytes, COLLATE "C" on compared text (see V1), and the stats'
-- count changes and their folding (see V1) gaining the SLA outcomes.

ALTER TABLE tickets
  ADD COLUMN first_response_at BIGINT,
  ADD COLUMN last_comment_at BIGINT,
  ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN merged_into VARCHAR(36) COLLATE "C",
  ADD COLUMN first_response_due_at BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN resolution_due_at BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN sla_paused_at BIGINT,
  ADD COLUMN sla_paused_ms BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN sla_due_at BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN first_response_outcome SMALLINT NOT NULL DEFAULT 0,
  ADD COLUMN resolution_outcome SMALLINT NOT NULL DEFAULT 0;

-- Tickets stored before this version (see sqlite/V7). The statement trigger sees no group change.
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
    WHEN sla_paused_at IS NULL THEN LEAST(first_response_due_at, resolution_due_at)
    WHEN first_response_due_at < sla_paused_at THEN first_response_due_at
    ELSE 4611686018427387904 + created_at END;
CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id);

-- The counts gain the SLA outcomes; totals are counted again from the tickets, pending changes
-- dropped (they are in the tickets already).
DROP VIEW ticket_counts;
ALTER TABLE ticket_count_changes
  ADD COLUMN first_response_outcome SMALLINT NOT NULL DEFAULT 0,
  ADD COLUMN resolution_outcome SMALLINT NOT NULL DEFAULT 0;
DELETE FROM ticket_count_changes;
CREATE TEMPORARY TABLE count_groups AS SELECT category, priority, status FROM ticket_count_totals;
DROP TABLE ticket_count_totals;
CREATE TABLE ticket_count_totals (
  category               VARCHAR(32) COLLATE "C" NOT NULL,
  priority               VARCHAR(16) COLLATE "C" NOT NULL,
  status                 VARCHAR(32) COLLATE "C" NOT NULL,
  first_response_outcome SMALLINT    NOT NULL,
  resolution_outcome     SMALLINT    NOT NULL,
  n                      BIGINT      NOT NULL,
  PRIMARY KEY (category, priority, status, first_response_outcome, resolution_outcome)
);
INSERT INTO ticket_count_totals (category, priority, status, first_response_outcome, resolution_outcome, n)
  SELECT g.category, g.priority, g.status, f.o, r.o, COALESCE(c.n, 0)
    FROM count_groups g
         CROSS JOIN (VALUES (0), (1), (2)) AS f (o)
         CROSS JOIN (VALUES (0), (1), (2)) AS r (o)
         LEFT JOIN (SELECT category, priority, status, first_response_outcome AS fo, resolution_outcome AS ro,
                           COUNT(*) AS n
                      FROM tickets GROUP BY category, priority, status, first_response_outcome, resolution_outcome) c
           ON c.category = g.category AND c.priority = g.priority AND c.status = g.status
          AND c.fo = f.o AND c.ro = r.o;
DROP TABLE count_groups;

CREATE VIEW ticket_counts AS
  SELECT category, priority, status, first_response_outcome, resolution_outcome, CAST(SUM(n) AS BIGINT) AS n
    FROM (SELECT category, priority, status, first_response_outcome, resolution_outcome, n FROM ticket_count_totals
          UNION ALL
          SELECT category, priority, status, first_response_outcome, resolution_outcome, n FROM ticket_count_changes)
         AS counted
   GROUP BY category, priority, status, first_response_outcome, resolution_outcome;

CREATE OR REPLACE FUNCTION ticket_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_count_changes (category, priority, status, first_response_outcome, resolution_outcome, n)
    SELECT category, priority, status, first_response_outcome, resolution_outcome, COUNT(*)
      FROM new_rows GROUP BY category, priority, status, first_response_outcome, resolution_outcome;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_count_changes (category, priority, status, first_response_outcome, resolution_outcome, n)
    SELECT category, priority, status, first_response_outcome, resolution_outcome, -COUNT(*)
      FROM old_rows GROUP BY category, priority, status, first_response_outcome, resolution_outcome;
  ELSE
    INSERT INTO ticket_count_changes (category, priority, status, first_response_outcome, resolution_outcome, n)
    SELECT category, priority, status, first_response_outcome, resolution_outcome, SUM(n)
      FROM (SELECT category, priority, status, first_response_outcome, resolution_outcome, 1 AS n FROM new_rows
            UNION ALL
            SELECT category, priority, status, first_response_outcome, resolution_outcome, -1 FROM old_rows) AS moved
     GROUP BY category, priority, status, first_response_outcome, resolution_outcome
    HAVING SUM(n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ticket_counts_fold() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_try_advisory_xact_lock(hashtext('supportdesk.ticket_counts_fold')) THEN
    WITH folded AS (
      DELETE FROM ticket_count_changes
      RETURNING category, priority, status, first_response_outcome, resolution_outcome, n
    )
    UPDATE ticket_count_totals AS t SET n = t.n + f.n
      FROM (SELECT category, priority, status, first_response_outcome, resolution_outcome, SUM(n) AS n
              FROM folded GROUP BY category, priority, status, first_response_outcome, resolution_outcome) AS f
     WHERE t.category = f.category AND t.priority = f.priority AND t.status = f.status
       AND t.first_response_outcome = f.first_response_outcome AND t.resolution_outcome = f.resolution_outcome;
  END IF;
END;
$$;

ALTER TABLE ticket_history ADD COLUMN detail TEXT, ADD COLUMN comment_id VARCHAR(36) COLLATE "C";
CREATE INDEX ticket_history_comment ON ticket_history (comment_id) WHERE comment_id IS NOT NULL;

CREATE TABLE ticket_comments (
  seq         BIGINT       GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  id          VARCHAR(36)  COLLATE "C" NOT NULL UNIQUE,
  ticket_id   VARCHAR(36)  COLLATE "C" NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  created_at  BIGINT       NOT NULL,
  author      VARCHAR(200) NOT NULL,
  author_id   VARCHAR(36),
  author_type VARCHAR(16)  NOT NULL,
  visibility  VARCHAR(16)  NOT NULL,
  body        TEXT,
  edited_at   BIGINT,
  deleted_at  BIGINT,
  deleted_by  VARCHAR(200),
  merged_from VARCHAR(36)
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at, seq);

CREATE TABLE attachments (
  id           VARCHAR(36)  COLLATE "C" NOT NULL PRIMARY KEY,
  comment_id   VARCHAR(36)  COLLATE "C" NOT NULL REFERENCES ticket_comments (id) ON DELETE CASCADE,
  position     INTEGER      NOT NULL,
  filename     VARCHAR(255) NOT NULL,
  content_type VARCHAR(255) NOT NULL,
  size         BIGINT       NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  created_at   BIGINT       NOT NULL
);
CREATE INDEX attachments_comment ON attachments (comment_id, position);

CREATE TABLE attachment_chunks (
  attachment_id VARCHAR(36) COLLATE "C" NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
  n             INTEGER     NOT NULL,
  data          BYTEA       NOT NULL,
  PRIMARY KEY (attachment_id, n)
);
-- Most attachments (images, PDFs) are compressed already: stored out of line without trying again.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
