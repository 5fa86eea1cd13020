package org.supportdesk.tickets;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tickets table, and the tag rows that make the tags filterable, in plain SQL that SQLite and
 * PostgreSQL both run. The columns are listed in {@link TicketColumn}; new tickets are written by
 * {@link NewTickets}, history by {@link TicketHistory}.
 */
@Component
class TicketStore {

    static final String INSERT_TAG = "INSERT INTO ticket_tags (tag, created_at, ticket_id) VALUES (?, ?, ?)";
    private static final String DELETE_TAG =
            "DELETE FROM ticket_tags WHERE tag = ? AND created_at = ? AND ticket_id = ?";
    private static final String SELECT = "SELECT " + TicketColumn.LIST + " FROM tickets";
    private static final String UPDATE = TicketColumn.update(TicketColumn.EDITED);
    private static final String UPDATE_TRIAGE = TicketColumn.update(TicketColumn.TRIAGED);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TicketJson json;
    private final TicketHistory history;
    private final RowMapper<Ticket> rows;

    TicketStore(JdbcClient jdbc, JdbcTemplate batch, TicketJson json, TicketHistory history) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.history = history;
        this.rows = (rs, n) -> TicketColumn.read(rs, json);
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.toString())
                .query(rows)
                .optional();
    }

    /** Compare-and-set on the version: false when someone else changed the ticket first. */
    boolean update(Ticket t, int expectedVersion) {
        return jdbc.sql(UPDATE)
                        .params(TicketColumn.values(t, json, TicketColumn.EDITED, t.id().toString(), expectedVersion))
                        .update()
                == 1;
    }

    /**
     * Batched compare-and-set of new classifications (as {@link Ticket#withTriage} makes them, one
     * version up); each entry true when its row was still at the version before.
     */
    boolean[] updateTriageAll(List<Ticket> next) {
        var params = new ArrayList<Object[]>(next.size());
        for (Ticket t : next) {
            params.add(TicketColumn.values(t, json, TicketColumn.TRIAGED, t.id().toString(), t.version() - 1));
        }
        int[] counts = batch.batchUpdate(UPDATE_TRIAGE, params);
        boolean[] updated = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            updated[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
        }
        return updated;
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

    /** Deletes the ticket, its tag rows and its history; false when there was no such ticket. */
    boolean delete(UUID id) {
        Optional<Ticket> ticket = find(id);
        if (ticket.isEmpty()) {
            return false;
        }
        // No foreign keys: they cost imports more than these statements cost a delete.
        replaceTags(ticket.get(), List.of());
        history.deleteOf(id);
        return jdbc.sql("DELETE FROM tickets WHERE id = ?").param(id.toString()).update() == 1;
    }

    /** A page: the filters, then the keyset position, ordered by the sort key and id; one row more than the limit. */
    List<Ticket> page(TicketQuery query) {
        return page(query, where -> {});
    }

    /** The same with conditions of the workspace's own beside the filters (TicketDesk). */
    List<Ticket> page(TicketQuery query, java.util.function.Consumer<Where> more) {
        var where = new Where();
        query.filter().addTo(where);
        more.accept(where);
        query.addPositionTo(where);
        var args = new ArrayList<>(where.args());
        args.add(query.limit() + 1);
        return jdbc.sql(SELECT + where.sql() + query.orderBy() + " LIMIT ?")
                .params(args)
                .query(rows)
                .list();
    }

    long count(TicketFilter filter) {
        return count(filter, where -> {});
    }

    /** The count, up to {@code cap + 1}: the scan stops there, however many match. */
    long countUpTo(TicketFilter filter, java.util.function.Consumer<Where> more, long cap) {
        var where = new Where();
        filter.addTo(where);
        more.accept(where);
        var args = new java.util.ArrayList<Object>(where.args());
        args.add(cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM tickets" + where.sql() + " LIMIT ?) AS matched")
                .params(args)
                .query(Long.class)
                .single();
    }

    long count(TicketFilter filter, java.util.function.Consumer<Where> more) {
        var where = new Where();
        filter.addTo(where);
        more.accept(where);
        return jdbc.sql("SELECT COUNT(*) FROM tickets" + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
    }
}
