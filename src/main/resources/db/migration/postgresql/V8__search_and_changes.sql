-- PostgreSQL dialect; db/migration/sqlite holds the SQLite way to the same ends.
--
-- Full-text search (docs/SEARCH.md): a tsvector of each ticket's subject (weight A), description
-- (B), customer name and e-mail (C) and comments (D, from comments_search) in the English
-- configuration, with a GIN index. A stored generated column: PostgreSQL computes it in the same
-- statement as every insert and update of those columns (classification's narrow update does not
-- touch them, so it does not recompute it), with no trigger and nothing for the service to
-- remember. The conversation feature keeps comments_search in step (TicketSearchIndex.comments).
ALTER TABLE tickets ADD COLUMN comments_search tsvector;
ALTER TABLE tickets ADD COLUMN search tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('english', subject), 'A')
  || setweight(to_tsvector('english', description), 'B')
  || setweight(to_tsvector('english', customer_name || ' ' || customer_email), 'C')
  || COALESCE(comments_search, ''::tsvector)
) STORED;
CREATE INDEX tickets_search ON tickets USING gin (search);

-- The change feed (GET /tickets/changes): one row per ticket, its latest change, written in the
-- same transaction as the change. Writers run side by side here, so sequence numbers are not
-- handed out in commit order; each row also carries its transaction's id (xid), the feed is read
-- in (xid, seq) order, and only rows of transactions older than every one still running
-- (pg_snapshot_xmin) are read: a transaction that commits later always has a larger xid than
-- anything a reader has passed, so no change is skipped. docs/SEARCH.md says why this rather
-- than a lock that would serialise every writer's commit.
CREATE SEQUENCE ticket_changes_seq;
CREATE TABLE ticket_changes (
  created_at BIGINT       NOT NULL, -- the ticket's
  ticket_id  VARCHAR(36)  COLLATE "C" NOT NULL,
  seq        BIGINT       NOT NULL DEFAULT nextval('ticket_changes_seq'),
  xid        BIGINT       NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  kind       VARCHAR(16)  NOT NULL, -- 'created', 'updated' or 'deleted'
  at         BIGINT       NOT NULL,
  fields     TEXT,                  -- JSON array of the fields an update changed
  actor      VARCHAR(200) NOT NULL,
  actor_id   VARCHAR(36),
  PRIMARY KEY (created_at, ticket_id)
);
CREATE INDEX ticket_changes_order ON ticket_changes (xid, seq);

INSERT INTO ticket_changes (created_at, ticket_id, kind, at, actor, actor_id)
  SELECT created_at, id, CASE WHEN version = 1 THEN 'created' ELSE 'updated' END, updated_at,
         created_by, created_by_id
    FROM tickets ORDER BY updated_at, id;
