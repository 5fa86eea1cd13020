-- SQLite dialect; db/migration/postgresql holds the same schema for PostgreSQL.
-- The ticket store. Timestamps are epoch milliseconds (UTC); JSON columns hold what the API shows.
CREATE TABLE tickets (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(100) NOT NULL,
  customer_email VARCHAR(254) NOT NULL,
  customer_name  VARCHAR(200) NOT NULL,
  subject        VARCHAR(200) NOT NULL,
  description    TEXT         NOT NULL,
  category       VARCHAR(32)  NOT NULL,
  category_by    VARCHAR(16)  NOT NULL, -- 'person' or 'classifier': automatic runs never overwrite a person
  priority       VARCHAR(16)  NOT NULL,
  priority_rank  SMALLINT     NOT NULL, -- low 0 .. urgent 3, so that sort=priority uses an index
  priority_by    VARCHAR(16)  NOT NULL,
  status         VARCHAR(32)  NOT NULL,
  tags           TEXT         NOT NULL, -- JSON array as shown; ticket_tags makes it filterable
  assigned_to    VARCHAR(100),
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

-- Filter and sort indexes. Ties of created_at/updated_at (same millisecond) are rare, so those
-- indexes leave out the id (half their size, twice the import speed) and SQLite sorts the few ties;
-- a priority holds a quarter of all tickets, so its index keeps the id.
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_updated ON tickets (updated_at);
CREATE INDEX tickets_priority_rank ON tickets (priority_rank, id);
CREATE INDEX tickets_category ON tickets (category, created_at);
CREATE INDEX tickets_category_priority ON tickets (category, priority, created_at);
CREATE INDEX tickets_priority ON tickets (priority, created_at);
CREATE INDEX tickets_status ON tickets (status, created_at);
CREATE INDEX tickets_assigned ON tickets (assigned_to, created_at);
CREATE INDEX tickets_customer ON tickets (customer_id, created_at);

CREATE TABLE ticket_tags (
  ticket_id VARCHAR(36) NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  tag       VARCHAR(50) NOT NULL,
  PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag ON ticket_tags (tag, ticket_id);

-- Counts per (category, priority, status), kept by triggers, so that stats over millions of
-- tickets read 120 rows instead of scanning the table.
CREATE TABLE ticket_counts (
  category VARCHAR(32) NOT NULL,
  priority VARCHAR(16) NOT NULL,
  status   VARCHAR(32) NOT NULL,
  n        BIGINT      NOT NULL,
  PRIMARY KEY (category, priority, status)
);
INSERT INTO ticket_counts (category, priority, status, n) VALUES
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

CREATE TABLE ticket_history (
  seq            INTEGER     PRIMARY KEY, -- SQLite assigns it in insert order
  ticket_id      VARCHAR(36) NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  at             BIGINT      NOT NULL,
  actor          VARCHAR(200) NOT NULL,
  action         VARCHAR(16) NOT NULL,
  changes        TEXT        NOT NULL, -- JSON object field -> {old, new}
  classification TEXT                  -- JSON, for 'classified' events
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, seq);

CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets
BEGIN
  UPDATE ticket_counts SET n = n + 1
   WHERE category = NEW.category AND priority = NEW.priority AND status = NEW.status;
END;

CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets
BEGIN
  UPDATE ticket_counts SET n = n - 1
   WHERE category = OLD.category AND priority = OLD.priority AND status = OLD.status;
END;

CREATE TRIGGER ticket_counts_update AFTER UPDATE OF category, priority, status ON tickets
WHEN OLD.category <> NEW.category OR OLD.priority <> NEW.priority OR OLD.status <> NEW.status
BEGIN
  UPDATE ticket_counts SET n = n - 1
   WHERE category = OLD.category AND priority = OLD.priority AND status = OLD.status;
  UPDATE ticket_counts SET n = n + 1
   WHERE category = NEW.category AND priority = NEW.priority AND status = NEW.status;
END;
