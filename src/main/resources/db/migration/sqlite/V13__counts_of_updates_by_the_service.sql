-- The service moves updated tickets between the stats' counts itself, in the update's transaction
-- (TicketStore.update and updateTriageAll, through TicketCounts.moved), as it already adds new
-- ones: with this row trigger an UPDATE that changed a counted column cost 27 us a row against 5 us
-- without, because a statement with a trigger journals the original of every page it changes
-- (docs/BENCHMARKS.md). Deletes keep their trigger. PostgreSQL's statement triggers stay as they are.
DROP TRIGGER ticket_counts_update;
