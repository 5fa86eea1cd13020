-- PostgreSQL dialect; db/migration/sqlite holds the same schema for SQLite. What differs, and why:
-- - text that is compared, indexed or grouped compares byte by byte (COLLATE "C"), as in SQLite,
--   whatever the server's default collation: ties in every ORDER BY and the cursors are broken by
--   id, so that order must not depend on it; and index upkeep skips the locale's costly rules;
-- - ticket_history.seq is an identity column;
-- - the counts behind GET /tickets/stats are kept without a shared row that writers update (below).
-- The ticket store. Timestamps are epoch milliseconds (UTC); JSON columns hold what the API shows.
CREATE TABLE tickets (
  id             VARCHAR(36)  COLLATE "C" NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(100) COLLATE "C" NOT NULL,
  customer_email VARCHAR(254) NOT NULL,
  customer_name  VARCHAR(200) NOT NULL,
  subject        VARCHAR(200) NOT NULL,
  description    TEXT         NOT NULL,
  category       VARCHAR(32)  COLLATE "C" NOT NULL,
  category_by    VARCHAR(16)  NOT NULL, -- 'person' or 'classifier': automatic runs never overwrite a person
  priority       VARCHAR(16)  COLLATE "C" NOT NULL,
  priority_rank  SMALLINT     NOT NULL, -- low 0 .. urgent 3, so that sort=priority uses an index
  priority_by    VARCHAR(16)  NOT NULL,
  status         VARCHAR(32)  COLLATE "C" NOT NULL,
  tags           TEXT         NOT NULL, -- JSON array as shown; ticket_tags makes it filterable
  assigned_to    VARCHAR(100) COLLATE "C",
  source         VARCHAR(16)  NOT NULL,
  browser        VARCHAR(100),
  device_type    VARCHAR(16),
  classification TEXT,                  -- JSON of the last automatic decision
  created_at     BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL,
  resolved_at    BIGINT,
  created_by     VARCHAR(200) NOT NULL,
  version        INTEGER      NOT NULL
);

CREATE INDEX tickets_created ON tickets (created_at, id);
CREATE INDEX tickets_updated ON tickets (updated_at, id);
CREATE INDEX tickets_priority_rank ON tickets (priority_rank, id);
CREATE INDEX tickets_category ON tickets (category, created_at, id);
CREATE INDEX tickets_category_priority ON tickets (category, priority, created_at, id);
CREATE INDEX tickets_priority ON tickets (priority, created_at, id);
CREATE INDEX tickets_status ON tickets (status, created_at, id);
CREATE INDEX tickets_assigned ON tickets (assigned_to, created_at, id);
CREATE INDEX tickets_customer ON tickets (customer_id, created_at, id);

CREATE TABLE ticket_tags (
  ticket_id VARCHAR(36) COLLATE "C" NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  tag       VARCHAR(50) COLLATE "C" NOT NULL,
  PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag ON ticket_tags (tag, ticket_id);

-- Counts per (category, priority, status), kept by triggers, so that stats over millions of
-- tickets read 120 rows instead of scanning the table.
--
-- Unlike SQLite, PostgreSQL runs writers side by side, on several instances. Counters that every
-- write updates in place would make writers queue for the same rows until their transactions end
-- (an import holds them for its whole length) and deadlock when two take them in different orders.
-- So writers only append: per statement, the triggers add the net change per group to
-- ticket_count_changes, and ticket_counts_fold(), which the service calls every few seconds, moves
-- the changes into ticket_count_totals in one short transaction. The view ticket_counts adds both
-- up, so that it reads as the table of the same name does on SQLite.
CREATE TABLE ticket_count_totals (
  category VARCHAR(32) COLLATE "C" NOT NULL,
  priority VARCHAR(16) COLLATE "C" NOT NULL,
  status   VARCHAR(32) COLLATE "C" NOT NULL,
  n        BIGINT      NOT NULL,
  PRIMARY KEY (category, priority, status)
);
INSERT INTO ticket_count_totals (category, priority, status, n) VALUES
  ('account_access', 'urgent', 'new', 0),
  ('account_access', 'urgent', 'in_progress', 0),
  ('account_access', 'urgent', 'waiting_customer', 0),
  ('account_access', 'urgent', 'resolved', 0),
  ('account_access', 'urgent', 'closed', 0),
  ('account_access', 'high', 'new', 0),
  ('account_access', 'high', 'in_progress', 0),
  ('account_access', 'high', 'waiting_customer', 0),
  ('account_access', 'high', 'resolved', 0),
  ('account_access', 'high', 'closed', 0),
  ('account_access', 'medium', 'new', 0),
  ('account_access', 'medium', 'in_progress', 0),
  ('account_access', 'medium', 'waiting_customer', 0),
  ('account_access', 'medium', 'resolved', 0),
  ('account_access', 'medium', 'closed', 0),
  ('account_access', 'low', 'new', 0),
  ('account_access', 'low', 'in_progress', 0),
  ('account_access', 'low', 'waiting_customer', 0),
  ('account_access', 'low', 'resolved', 0),
  ('account_access', 'low', 'closed', 0),
  ('technical_issue', 'urgent', 'new', 0),
  ('technical_issue', 'urgent', 'in_progress', 0),
  ('technical_issue', 'urgent', 'waiting_customer', 0),
  ('technical_issue', 'urgent', 'resolved', 0),
  ('technical_issue', 'urgent', 'closed', 0),
  ('technical_issue', 'high', 'new', 0),
  ('technical_issue', 'high', 'in_progress', 0),
  ('technical_issue', 'high', 'waiting_customer', 0),
  ('technical_issue', 'high', 'resolved', 0),
  ('technical_issue', 'high', 'closed', 0),
  ('technical_issue', 'medium', 'new', 0),
  ('technical_issue', 'medium', 'in_progress', 0),
  ('technical_issue', 'medium', 'waiting_customer', 0),
  ('technical_issue', 'medium', 'resolved', 0),
  ('technical_issue', 'medium', 'closed', 0),
  ('technical_issue', 'low', 'new', 0),
  ('technical_issue', 'low', 'in_progress', 0),
  ('technical_issue', 'low', 'waiting_customer', 0),
  ('technical_issue', 'low', 'resolved', 0),
  ('technical_issue', 'low', 'closed', 0),
  ('billing_question', 'urgent', 'new', 0),
  ('billing_question', 'urgent', 'in_progress', 0),
  ('billing_question', 'urgent', 'waiting_customer', 0),
  ('billing_question', 'urgent', 'resolved', 0),
  ('billing_question', 'urgent', 'closed', 0),
  ('billing_question', 'high', 'new', 0),
  ('billing_question', 'high', 'in_progress', 0),
  ('billing_question', 'high', 'waiting_customer', 0),
  ('billing_question', 'high', 'resolved', 0),
  ('billing_question', 'high', 'closed', 0),
  ('billing_question', 'medium', 'new', 0),
  ('billing_question', 'medium', 'in_progress', 0),
  ('billing_question', 'medium', 'waiting_customer', 0),
  ('billing_question', 'medium', 'resolved', 0),
  ('billing_question', 'medium', 'closed', 0),
  ('billing_question', 'low', 'new', 0),
  ('billing_question', 'low', 'in_progress', 0),
  ('billing_question', 'low', 'waiting_customer', 0),
  ('billing_question', 'low', 'resolved', 0),
  ('billing_question', 'low', 'closed', 0),
  ('feature_request', 'urgent', 'new', 0),
  ('feature_request', 'urgent', 'in_progress', 0),
  ('feature_request', 'urgent', 'waiting_customer', 0),
  ('feature_request', 'urgent', 'resolved', 0),
  ('feature_request', 'urgent', 'closed', 0),
  ('feature_request', 'high', 'new', 0),
  ('feature_request', 'high', 'in_progress', 0),
  ('feature_request', 'high', 'waiting_customer', 0),
  ('feature_request', 'high', 'resolved', 0),
  ('feature_request', 'high', 'closed', 0),
  ('feature_request', 'medium', 'new', 0),
  ('feature_request', 'medium', 'in_progress', 0),
  ('feature_request', 'medium', 'waiting_customer', 0),
  ('feature_request', 'medium', 'resolved', 0),
  ('feature_request', 'medium', 'closed', 0),
  ('feature_request', 'low', 'new', 0),
  ('feature_request', 'low', 'in_progress', 0),
  ('feature_request', 'low', 'waiting_customer', 0),
  ('feature_request', 'low', 'resolved', 0),
  ('feature_request', 'low', 'closed', 0),
  ('bug_report', 'urgent', 'new', 0),
  ('bug_report', 'urgent', 'in_progress', 0),
  ('bug_report', 'urgent', 'waiting_customer', 0),
  ('bug_report', 'urgent', 'resolved', 0),
  ('bug_report', 'urgent', 'closed', 0),
  ('bug_report', 'high', 'new', 0),
  ('bug_report', 'high', 'in_progress', 0),
  ('bug_report', 'high', 'waiting_customer', 0),
  ('bug_report', 'high', 'resolved', 0),
  ('bug_report', 'high', 'closed', 0),
  ('bug_report', 'medium', 'new', 0),
  ('bug_report', 'medium', 'in_progress', 0),
  ('bug_report', 'medium', 'waiting_customer', 0),
  ('bug_report', 'medium', 'resolved', 0),
  ('bug_report', 'medium', 'closed', 0),
  ('bug_report', 'low', 'new', 0),
  ('bug_report', 'low', 'in_progress', 0),
  ('bug_report', 'low', 'waiting_customer', 0),
  ('bug_report', 'low', 'resolved', 0),
  ('bug_report', 'low', 'closed', 0),
  ('other', 'urgent', 'new', 0),
  ('other', 'urgent', 'in_progress', 0),
  ('other', 'urgent', 'waiting_customer', 0),
  ('other', 'urgent', 'resolved', 0),
  ('other', 'urgent', 'closed', 0),
  ('other', 'high', 'new', 0),
  ('other', 'high', 'in_progress', 0),
  ('other', 'high', 'waiting_customer', 0),
  ('other', 'high', 'resolved', 0),
  ('other', 'high', 'closed', 0),
  ('other', 'medium', 'new', 0),
  ('other', 'medium', 'in_progress', 0),
  ('other', 'medium', 'waiting_customer', 0),
  ('other', 'medium', 'resolved', 0),
  ('other', 'medium', 'closed', 0),
  ('other', 'low', 'new', 0),
  ('other', 'low', 'in_progress', 0),
  ('other', 'low', 'waiting_customer', 0),
  ('other', 'low', 'resolved', 0),
  ('other', 'low', 'closed', 0);

CREATE TABLE ticket_count_changes (
  category VARCHAR(32) COLLATE "C" NOT NULL,
  priority VARCHAR(16) COLLATE "C" NOT NULL,
  status   VARCHAR(32) COLLATE "C" NOT NULL,
  n        BIGINT      NOT NULL
);

CREATE VIEW ticket_counts AS
  SELECT category, priority, status, CAST(SUM(n) AS BIGINT) AS n
    FROM (SELECT category, priority, status, n FROM ticket_count_totals
          UNION ALL
          SELECT category, priority, status, n FROM ticket_count_changes) AS counted
   GROUP BY category, priority, status;

CREATE TABLE ticket_history (
  seq            BIGINT      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  ticket_id      VARCHAR(36) COLLATE "C" NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  at             BIGINT      NOT NULL,
  actor          VARCHAR(200) NOT NULL,
  action         VARCHAR(16) NOT NULL,
  changes        TEXT        NOT NULL,
  classification TEXT
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, seq);

CREATE FUNCTION ticket_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_count_changes (category, priority, status, n)
    SELECT category, priority, status, COUNT(*) FROM new_rows GROUP BY category, priority, status;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_count_changes (category, priority, status, n)
    SELECT category, priority, status, -COUNT(*) FROM old_rows GROUP BY category, priority, status;
  ELSE
    INSERT INTO ticket_count_changes (category, priority, status, n)
    SELECT category, priority, status, SUM(n)
      FROM (SELECT category, priority, status, 1 AS n FROM new_rows
            UNION ALL
            SELECT category, priority, status, -1 FROM old_rows) AS moved
     GROUP BY category, priority, status
    HAVING SUM(n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;

-- One trigger per event: PostgreSQL allows transition tables only so.
CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_track();
CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_track();
CREATE TRIGGER ticket_counts_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_track();

-- Moves the committed changes into the totals. Instances call it independently; the advisory lock
-- lets one at a time do it and the others skip. Changes of transactions still open stay for later.
CREATE FUNCTION ticket_counts_fold() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_try_advisory_xact_lock(hashtext('supportdesk.ticket_counts_fold')) THEN
    WITH folded AS (
      DELETE FROM ticket_count_changes RETURNING category, priority, status, n
    )
    UPDATE ticket_count_totals AS t SET n = t.n + f.n
      FROM (SELECT category, priority, status, SUM(n) AS n
              FROM folded GROUP BY category, priority, status) AS f
     WHERE t.category = f.category AND t.priority = f.priority AND t.status = f.status;
  END IF;
END;
$$;
