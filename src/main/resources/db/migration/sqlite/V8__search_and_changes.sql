-- SQLite dialect; db/migration/postgresql holds the PostgreSQL way to the same ends.
--
-- Full-text search (docs/SEARCH.md): an FTS5 index over each ticket's subject, description,
-- customer (name and e-mail) and comments, with English stemming (porter: "charged" finds
-- "charge"). It is an external-content index: it holds the terms, not a copy of the text, which
-- it reads from the view below when it needs the text (highlights). Measured on 200,000 rows, a
-- copy cost imports 5 us more per row than this. Its rows are keyed by the ticket's rowid.
--
-- Kept in step in the writer's transaction: new tickets by the service, one statement per batch
-- (NewTickets; a per-row trigger cost 70 us a row, FTS5 flushing its buffer at each statement of
-- the trigger), changed and deleted ones by the triggers below. FTS5 must be told the old text of
-- a row to remove it, hence the 'delete' rows with OLD values, built exactly as the view builds them.

-- The comments of a ticket, as one text, for the index (written by the conversation feature
-- through TicketSearchIndex.comments; empty until then). Keyed by the ticket's rowid.
CREATE TABLE ticket_search_comments (
  doc  INTEGER PRIMARY KEY,
  text TEXT    NOT NULL
);

CREATE VIEW ticket_search_docs AS
  SELECT t.rowid AS doc, t.subject, t.description,
         t.customer_name || ' ' || t.customer_email AS customer, c.text AS comments
    FROM tickets t LEFT JOIN ticket_search_comments c ON c.doc = t.rowid;

CREATE VIRTUAL TABLE ticket_search USING fts5(
  subject, description, customer, comments,
  content = 'ticket_search_docs', content_rowid = 'doc',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO ticket_search (ticket_search) VALUES ('rebuild');

CREATE TRIGGER ticket_search_update
AFTER UPDATE OF subject, description, customer_name, customer_email ON tickets
WHEN OLD.subject IS NOT NEW.subject OR OLD.description IS NOT NEW.description
  OR OLD.customer_name IS NOT NEW.customer_name OR OLD.customer_email IS NOT NEW.customer_email
BEGIN
  INSERT INTO ticket_search (ticket_search, rowid, subject, description, customer, comments)
    VALUES ('delete', OLD.rowid, OLD.subject, OLD.description, OLD.customer_name || ' ' || OLD.customer_email,
            (SELECT text FROM ticket_search_comments WHERE doc = OLD.rowid));
  INSERT INTO ticket_search (rowid, subject, description, customer, comments)
    VALUES (NEW.rowid, NEW.subject, NEW.description, NEW.customer_name || ' ' || NEW.customer_email,
            (SELECT text FROM ticket_search_comments WHERE doc = NEW.rowid));
END;

CREATE TRIGGER ticket_search_delete AFTER DELETE ON tickets
BEGIN
  INSERT INTO ticket_search (ticket_search, rowid, subject, description, customer, comments)
    VALUES ('delete', OLD.rowid, OLD.subject, OLD.description, OLD.customer_name || ' ' || OLD.customer_email,
            (SELECT text FROM ticket_search_comments WHERE doc = OLD.rowid));
  DELETE FROM ticket_search_comments WHERE doc = OLD.rowid;
END;

-- The change feed (GET /tickets/changes, docs/SEARCH.md): one row per ticket, its latest change,
-- written in the same transaction as the change. seq orders the feed: the single writer hands
-- them out in commit order (max + 1; rows are never deleted, so none is handed out twice).
-- Deleted tickets stay as tombstones. The key is the ticket's creation time and id, so the rows
-- of new tickets append (ids are random; see V3).
CREATE TABLE ticket_changes (
  seq        INTEGER      PRIMARY KEY,
  ticket_id  VARCHAR(36)  NOT NULL,
  created_at BIGINT       NOT NULL, -- the ticket's
  kind       VARCHAR(16)  NOT NULL, -- 'created', 'updated' or 'deleted'
  at         BIGINT       NOT NULL, -- when the change was made
  fields     TEXT,                  -- JSON array of the fields an update changed
  actor      VARCHAR(200) NOT NULL,
  actor_id   VARCHAR(36)
);
CREATE UNIQUE INDEX ticket_changes_ticket ON ticket_changes (created_at, ticket_id);

INSERT INTO ticket_changes (ticket_id, created_at, kind, at, actor, actor_id)
  SELECT id, created_at, CASE WHEN version = 1 THEN 'created' ELSE 'updated' END, updated_at,
         created_by, created_by_id
    FROM tickets ORDER BY updated_at, id;
