package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.system.Dialect;
import org.supportdesk.system.DriverBatch;

/**
 * Writes new tickets, one (a POST) or in batches (an import): the ticket rows, their tag rows, the
 * classifier's history events and, where the service keeps them (see Dialect), the stats' counts.
 * A batch holds its statements' parameters, so an import builds the next batch while the database
 * stores the previous one.
 */
@Component
class NewTickets {

    private static final String INSERT = TicketColumn.insert();
    // The rows after the last one before the batch are the batch's: SQLite has one writer.
    private static final String INSERT_TAGS_OF_NEW_TICKETS = "INSERT INTO ticket_tags (tag, created_at, ticket_id)"
            + " SELECT j.value, t.created_at, t.id FROM tickets t, json_each(t.tags) j WHERE t.rowid > ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TicketJson json;
    private final TicketHistory history;
    private final TicketCounts counts;
    private final TicketSearchIndex index;
    private final ChangeLog changes;
    private final TicketEvents events;
    private final Dialect dialect;

    NewTickets(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TicketJson json,
            TicketHistory history,
            TicketCounts counts,
            TicketSearchIndex index,
            ChangeLog changes,
            TicketEvents events,
            Dialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.history = history;
        this.counts = counts;
        this.index = index;
        this.changes = changes;
        this.events = events;
        this.dialect = dialect;
    }

    /** New tickets on their way into the store, as the statements' parameters. */
    final class Batch {
        private final List<Object[]> tickets = new ArrayList<>();
        private final List<Object[]> tags = new ArrayList<>();
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> logged = new ArrayList<>();
        private final Map<List<Object>, Integer> counted = new HashMap<>();
        // Only a ticket whose id was given (an import) can have been deleted before: a new id is random.
        private boolean idsGiven;

        private Batch() {}

        /**
         * Adds a new ticket and, when the classifier decided for it, that decision's history event;
         * {@code idGiven} when its id came from elsewhere (an import's record), not made here.
         */
        void add(Ticket t, HistoryEvent classified, boolean idGiven) {
            idsGiven |= idGiven;
            tickets.add(TicketColumn.values(t, json));
            if (!dialect.makesTagRowsFromTheTagsColumn()) {
                for (String tag : t.tags()) {
                    tags.add(new Object[] {tag, t.createdAt().toEpochMilli(), t.id().toString()});
                }
            }
            if (classified != null) {
                events.add(history.row(t.id(), classified));
            }
            if (!dialect.indexesNewTicketsByRowid()) {
                logged.add(changes.createdRow(t));
            }
            if (dialect.countsNewTicketsInTheService()) {
                counted.merge(TicketCounts.group(t), 1, Integer::sum);
            }
        }

        int size() {
            return tickets.size();
        }
    }

    Batch batch() {
        return new Batch();
    }

    /**
     * New tickets per group of the counts (category, priority, status, SLA outcomes), added to the stats' counts once per
     * transaction rather than per batch: a batch of 1,000 can touch all 120 groups.
     */
    static final class Tally {
        private final Map<List<Object>, Integer> counted = new HashMap<>();
    }

    /**
     * Stores the batch's tickets in the current transaction, with their tag rows, their place in
     * the search index and in the change log; {@code tally} keeps their counts.
     */
    void insertAll(Batch b, Tally tally) {
        long last = dialect.makesTagRowsFromTheTagsColumn() || dialect.indexesNewTicketsByRowid()
                ? jdbc.sql("SELECT COALESCE(MAX(rowid), 0) FROM tickets")
                        .query(Long.class)
                        .single()
                : 0;
        DriverBatch.execute(batch, INSERT, b.tickets);
        if (dialect.makesTagRowsFromTheTagsColumn()) {
            jdbc.sql(INSERT_TAGS_OF_NEW_TICKETS).param(last).update();
        } else {
            DriverBatch.execute(batch, TicketStore.INSERT_TAG, b.tags);
        }
        if (dialect.indexesNewTicketsByRowid()) {
            index.indexNewSince(last);
            changes.createdSince(last, b.idsGiven);
        } else {
            changes.createdAll(b.logged, b.idsGiven);
        }
        DriverBatch.execute(batch, TicketHistory.INSERT, b.events);
        b.counted.forEach((group, n) -> tally.counted.merge(group, n, Integer::sum));
    }

    /** Adds the tallied tickets to the stats' counts, where the service keeps them. */
    void count(Tally tally) {
        tally.counted.forEach(counts::add);
        tally.counted.clear();
    }

    /** A new ticket from a POST, the classifier's history event for it (or null), and who posted it. */
    record Posted(Ticket ticket, HistoryEvent classified, Actor actor) {}

    /**
     * Stores the tickets of the POSTs that wait for the database together, as an import stores a
     * batch: a statement per table for all of them instead of one per ticket and table (on SQLite
     * that was most of a POST's time in the single writer: 370-490 µs a ticket, docs/BENCHMARKS.md).
     * One instance, so that the database sees the POSTs' items as one kind.
     */
    final Database.Batched<Posted> posts = this::storePosted;

    private void storePosted(List<Posted> all) {
        Batch batch = batch();
        for (Posted p : all) {
            batch.add(p.ticket(), p.classified(), false);
        }
        var tally = new Tally();
        insertAll(batch, tally);
        count(tally);
        for (Posted p : all) {
            events.created(p.ticket(), p.actor());
        }
    }
}
