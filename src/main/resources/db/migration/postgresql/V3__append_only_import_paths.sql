-- PostgreSQL dialect of sqlite/V3: tag rows keyed by tag and creation time, sort=priority by
-- creation time within a priority, the priority filter on priority_rank. New tickets are still
-- counted by the statement trigger here (it costs little per row on PostgreSQL), so the insert
-- trigger stays.
ALTER TABLE ticket_tags ADD COLUMN created_at BIGINT;
UPDATE ticket_tags g SET created_at = t.created_at FROM tickets t WHERE t.id = g.ticket_id;
ALTER TABLE ticket_tags ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE ticket_tags DROP CONSTRAINT ticket_tags_ticket_id_fkey;
ALTER TABLE ticket_tags DROP CONSTRAINT ticket_tags_pkey;
ALTER TABLE ticket_tags ADD PRIMARY KEY (tag, created_at, ticket_id);
DROP INDEX ticket_tags_tag;
-- As on SQLite, Tickets.delete removes a ticket's history itself.
ALTER TABLE ticket_history DROP CONSTRAINT ticket_history_ticket_id_fkey;

DROP INDEX tickets_priority_rank;
DROP INDEX tickets_priority;
CREATE INDEX tickets_priority_rank ON tickets (priority_rank, created_at, id);
DROP INDEX tickets_category_priority;
CREATE INDEX tickets_category_priority ON tickets (category, priority_rank, created_at, id);
