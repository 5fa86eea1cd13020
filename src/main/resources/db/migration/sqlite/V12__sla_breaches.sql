-- SQLite dialect; db/migration/postgresql holds the same change for PostgreSQL.
--
-- The sla.breached webhook event (docs/WEBHOOKS.md, "sla.breached"). A target breaches when the
-- clock passes its due time, not in a write, so a scheduled check (tickets/SlaBreachCheck) looks
-- for due times that passed; a write that moves a due time into the past announces it itself.

-- One row per breach announced: a ticket's target ('first_response' or 'resolution') and the due
-- time it passed. The primary key is the claim: the transaction whose INSERT ... ON CONFLICT DO
-- NOTHING takes the row writes the event, in that same transaction, so each breach is announced
-- once, however many instances look at once and however often they restart. A due time that moves
-- (priority, pause) and passes again is another row. Rows go 30 days after their due time; a due
-- time older than that is never announced.
CREATE TABLE sla_breach_announcements (
  ticket_id    VARCHAR(36) NOT NULL,
  target       VARCHAR(16) NOT NULL,
  due_at       BIGINT      NOT NULL,
  announced_at BIGINT      NOT NULL,
  PRIMARY KEY (ticket_id, target, due_at)
);
CREATE INDEX sla_breach_announcements_due ON sla_breach_announcements (due_at);

-- A target that falls due after the ticket's sla_due_at has already passed (it is unanswered and
-- overdue, and its resolution is due later): the index of sla_due_at cannot show the ticket again
-- when the later target passes, so the check notes it here and looks at the ticket then.
CREATE TABLE sla_breach_watches (
  ticket_id VARCHAR(36) NOT NULL,
  target    VARCHAR(16) NOT NULL,
  due_at    BIGINT      NOT NULL,
  PRIMARY KEY (ticket_id, target, due_at)
);
CREATE INDEX sla_breach_watches_due ON sla_breach_watches (due_at);

-- How far the check has looked: the due times up to checked_through were seen (NULL before the
-- first run, which looks back 10 seconds only: what was overdue before is not news). Each batch of
-- the check reads this one row FOR UPDATE on PostgreSQL, so the instances' batches take turns.
CREATE TABLE sla_breach_check (
  id              INTEGER NOT NULL PRIMARY KEY,
  checked_through BIGINT
);
INSERT INTO sla_breach_check (id, checked_through) VALUES (1, NULL);
