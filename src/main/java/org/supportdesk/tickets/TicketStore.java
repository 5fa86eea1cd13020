package org.supportdesk.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Dialect;

/**
 * The tickets table, and the tag rows that make the tags filterable, in plain SQL that SQLite and
 * PostgreSQL both run. The columns are listed in {@link TicketColumn}; new tickets are written by
 * {@link NewTickets}, changes by {@link TicketUpdates}, history by {@link TicketHistory}.
 */
@Component
class TicketStore {

    static final String INSERT_TAG = "INSERT INTO ticket_tags (tag, created_at, ticket_id) VALUES (?, ?, ?)";
    private static final String DELETE_TAG =
            "DELETE FROM ticket_tags WHERE tag = ? AND created_at = ? AND ticket_id = ?";
    private static final String SELECT = "SELECT " + TicketColumn.LIST + " FROM tickets";

    private final JdbcClient jdbc;
    private final TicketJson json;
    private final TicketHistory history;
    private final SearchSql search;
    private final ChangeLog changes;
    private final Clock clock;
    private final TaggedPages tagged;
    private final TicketCounts counts;
    private final SortedPages sorted;
    /** Takes a ticket's row lock with a read: PostgreSQL's writers run side by side, SQLite's one at a time. */
    private final String forUpdate;

    TicketStore(
            JdbcClient jdbc,
            TicketJson json,
            TicketHistory history,
            SearchSql search,
            ChangeLog changes,
            Clock clock,
            TaggedPages tagged,
            TicketCounts counts,
            SortedPages sorted,
            Dialect dialect) {
        this.forUpdate = dialect.rowLock();
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
        this.search = search;
        this.changes = changes;
        this.clock = clock;
        this.tagged = tagged;
        this.counts = counts;
        this.sorted = sorted;
    }

    /** Reads tickets with their SLA as seen now: which targets are breached depends on the clock. */
    private RowMapper<Ticket> rows() {
        Instant now = clock.instant();
        return (rs, n) -> TicketColumn.read(rs, json, now);
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.toString())
                .query(rows())
                .optional();
    }

    /**
     * The ticket, its row locked until the transaction ends (on PostgreSQL; SQLite's one writer
     * needs no lock). A writer that appends to a ticket's history takes the lock (or updates the
     * row) first, so a delete waits for it and then deletes its events too, or it waits for the
     * delete and finds no ticket: no event outlives its ticket.
     */
    Optional<Ticket> findLocked(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?" + forUpdate)
                .param(id.toString())
                .query(rows())
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT 1 FROM tickets WHERE id = ?")
                .param(id.toString())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Adds {@code delta} to the ticket's comment count and, when given, sets the time of its last
     * comment; false when there is no such ticket. A statement of its own that no update of the
     * fields writes: on PostgreSQL it also locks the row until the comment's transaction ends, so
     * comments on one ticket from several instances take turns.
     */
    boolean countComments(UUID id, int delta, Instant lastCommentAt) {
        return jdbc.sql("UPDATE tickets SET comment_count = comment_count + ?,"
                                + " last_comment_at = COALESCE(?, last_comment_at) WHERE id = ?")
                        .params(delta, lastCommentAt == null ? null : lastCommentAt.toEpochMilli(), id.toString())
                        .update()
                == 1;
    }

    /** Sets the conversation's counters as counted again (after a merge moved comments in or out). */
    void setConversation(UUID id, int commentCount, Instant lastCommentAt) {
        jdbc.sql("UPDATE tickets SET comment_count = ?, last_comment_at = ? WHERE id = ?")
                .params(commentCount, lastCommentAt == null ? null : lastCommentAt.toEpochMilli(), id.toString())
                .update();
    }

    /** Replaces a ticket's tag rows: those of {@code before} go, those of {@code after} come. */
    void replaceTags(Ticket before, List<String> after) {
        String id = before.id().toString();
        long createdAt = before.createdAt().toEpochMilli();
        for (String tag : before.tags()) {
            jdbc.sql(DELETE_TAG).params(tag, createdAt, id).update();
        }
        for (String tag : after) {
            jdbc.sql(INSERT_TAG).params(tag, createdAt, id).update();
        }
    }

    /**
     * Deletes the ticket, its tag rows and its history, leaving a tombstone in the change log: the
     * ticket as it was, or empty when there was no such ticket.
     */
    Optional<Ticket> delete(UUID id, IfMatch ifMatch, Actor actor) {
        // Locked first: a change that committed meanwhile is read and its history deleted, one
        // still to come waits and then finds no ticket (findLocked).
        Optional<Ticket> ticket = findLocked(id);
        if (ticket.isEmpty()) {
            return ticket;
        }
        // Compared under the lock, so a change that raced the delete is seen.
        if (!ifMatch.matches(ticket.get().version())) {
            throw new StaleVersion(ticket.get().version());
        }
        // No foreign keys: they cost imports more than these statements cost a delete.
        replaceTags(ticket.get(), List.of());
        history.deleteOf(id);
        boolean deleted = jdbc.sql("DELETE FROM tickets WHERE id = ?")
                        .param(id.toString())
                        .update()
                == 1;
        if (!deleted) {
            return Optional.empty();
        }
        changes.deleted(ticket.get(), actor);
        return ticket;
    }

    /**
     * Above this many matches, a page of the `sla` filter in another order than sort=sla_due_at
     * walks the index of its sort order and checks each row, rather than reading every match from
     * the index of `sla_due_at` and sorting them: about limit × rows / matches rows read against
     * all the matches. SQLite keeps no statistics to tell (it took the second way: 315 ms a page over
     * 1,000,000 tickets of which 178,575 were overdue, docs/BENCHMARKS.md); below this, sorting the
     * few matches is the cheaper way when most tickets are not overdue, as in a real helpdesk.
     */
    static final long SORT_INDEX_ABOVE = 10_000;

    /**
     * A page: the filters, then the keyset position, ordered by the sort key and id; one row more
     * than the limit. {@code matches} (the filters' count) lets the `sla` filter choose its index.
     */
    List<Ticket> page(TicketQuery query, long matches) {
        return page(query, matches, where -> {});
    }

    /** The same with conditions of the workspace's own beside the filters (TicketDesk). */
    List<Ticket> page(TicketQuery query, long matches, java.util.function.Consumer<Where> more) {
        TicketFilter filter = query.filter();
        if (filter.sla() != null && query.sort() != TicketQuery.Sort.SLA_DUE_AT && matches > SORT_INDEX_ABOVE) {
            filter = filter.withSla(filter.sla().unindexed());
        }
        if (TaggedPages.serves(query, filter)) {
            return tagged.page(query, filter, more);
        }
        TicketFilter filters = filter;
        Supplier<Where> conditions = () -> {
            var where = new Where();
            filters.addTo(where, search);
            more.accept(where);
            query.addPositionTo(where);
            return where;
        };
        return sorted.page(SELECT, conditions, query, rows());
    }

    /**
     * The list's total: from the counts table when only category, priority and status are
     * filtered (`priority=urgent&status=new` over a million tickets read 180,000 rows: 557 ms).
     */
    long count(TicketFilter filter) {
        return filter.onlyCountedColumns() ? counts.total(filter) : count(filter, where -> {});
    }

    /** The count, up to {@code cap + 1}: the scan stops there, however many match. */
    long countUpTo(TicketFilter filter, java.util.function.Consumer<Where> more, long cap) {
        if (TaggedPages.counts(filter)) {
            return tagged.count(filter, more, cap);
        }
        var where = new Where();
        filter.addTo(where, search);
        more.accept(where);
        return countUpTo(where, cap);
    }

    /** The tickets under {@code where}, counted up to {@code cap + 1}. */
    long countUpTo(Where where, long cap) {
        var args = new java.util.ArrayList<Object>(where.args());
        args.add(cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM tickets" + where.sql() + " LIMIT ?) AS matched")
                .params(args)
                .query(Long.class)
                .single();
    }

    long count(TicketFilter filter, java.util.function.Consumer<Where> more) {
        if (TaggedPages.counts(filter)) {
            return tagged.count(filter, more, Long.MAX_VALUE - 1);
        }
        var where = new Where();
        filter.addTo(where, search);
        more.accept(where);
        return jdbc.sql("SELECT COUNT(*) FROM tickets" + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
    }
}
