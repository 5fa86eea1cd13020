-- PostgreSQL dialect; db/migration/sqlite holds the same change.
-- The change feed has one row per ticket id (docs/SEARCH.md, the change feed). Its key is the
-- ticket's creation time and id (V8: rows of new tickets append), so a deleted ticket imported back
-- with another created_at got a row of its own and its tombstone stayed: the feed hid that
-- tombstone while the ticket was there, but once the ticket was deleted again it showed two
-- tombstones of one id. Creating a ticket now deletes any tombstone of its id (ChangeLog), found
-- through this index. Only tombstones are in it: a row of another creation time than the ticket's
-- can only be the tombstone of an earlier ticket of that id (each ended in a delete, which made its
-- row a tombstone), so new tickets' rows, the bulk of an import, add nothing to it.
CREATE INDEX ticket_changes_tombstones ON ticket_changes (ticket_id) WHERE kind = 'deleted';

-- The tombstones left so far: of a ticket that is there again, or followed (in the feed's order)
-- by a later tombstone of the same id.
DELETE FROM ticket_changes c
 WHERE c.kind = 'deleted'
   AND (EXISTS (SELECT 1 FROM tickets t WHERE t.id = c.ticket_id)
        OR EXISTS (SELECT 1 FROM ticket_changes n
                    WHERE n.kind = 'deleted' AND n.ticket_id = c.ticket_id
                      AND (n.xid, n.seq) > (c.xid, c.seq)));
