package org.supportdesk.tickets;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;

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
    private final SearchSql search;
    private final ChangeLog changes;
    private final RowMapper<Ticket> rows;

    TicketStore(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TicketJson json,
            TicketHistory history,
            SearchSql search,
            ChangeLog changes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.history = history;
        this.search = search;
        this.changes = changes;
        this.rows = (rs, n) -> TicketColumn.read(rs, json);
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.toString())
                .query(rows)
                .optional();
    }

    /**
     * Compare-and-set on the version: false when someone else changed the ticket first. When it is
     * set, the change of {@code fields} (the API's names; none for a change nobody sees) is logged.
     */
    boolean update(Ticket t, int expectedVersion, Collection<String> fields, Actor actor) {
        boolean updated = jdbc.sql(UPDATE)
                        .params(TicketColumn.values(t, json, TicketColumn.EDITED, t.id().toString(), expectedVersion))
                        .update()
                == 1;
        if (updated) {
            changes.updated(t, fields, actor);
        }
        return updated;
    }

    /**
     * Batched compare-and-set of new classifications (as {@link Ticket#withTriage} makes them, one
     * version up); each entry true when its row was still at the version before.
     */
    boolean[] updateTriageAll(List<Ticket> next, List<? extends Collection<String>> fields, Actor actor) {
        var params = new ArrayList<Object[]>(next.size());
        for (Ticket t : next) {
            params.add(TicketColumn.values(t, json, TicketColumn.TRIAGED, t.id().toString(), t.version() - 1));
        }
        int[] counts = batch.batchUpdate(UPDATE_TRIAGE, params);
        boolean[] updated = new boolean[counts.length];
        var changed = new ArrayList<Ticket>();
        var changedFields = new ArrayList<Collection<String>>();
        for (int i = 0; i < counts.length; i++) {
            updated[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
            if (updated[i]) {
                changed.add(next.get(i));
                changedFields.add(fields.get(i));
            }
        }
        changes.updatedAll(changed, changedFields, actor);
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

    /**
     * Deletes the ticket, its tag rows and its history, leaving a tombstone in the change log: the
     * ticket as it was, or empty when there was no such ticket.
     */
    Optional<Ticket> delete(UUID id, Actor actor) {
        Optional<Ticket> ticket = find(id);
        if (ticket.isEmpty()) {
            return ticket;
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

    /** A page: the filters, then the keyset position, ordered by the sort key and id; one row more than the limit. */
    List<Ticket> page(TicketQuery query) {
        return page(query, where -> {});
    }

    /** The same with conditions of the workspace's own beside the filters (TicketDesk). */
    List<Ticket> page(TicketQuery query, java.util.function.Consumer<Where> more) {
        var where = new Where();
        query.filter().addTo(where, search);
        more.accept(where);
        query.addPositionTo(where);
        var args = new ArrayList<>(where.args());
        args.add(query.limit() + 1);
        return jdbc.sql(SELECT + where.sql() + query.orderBy() + " LIMIT ?")
                .params(args)
                .query(rows)
                .list();
    }

    /**
     * A page of a search in relevance order (sort=relevance): each ticket with its score, best first,
     * then by id; one row more than the limit.
     */
    List<Hit> ranked(TicketQuery query) {
        var where = new Where();
        if (search.rankedMatch() != null) {
            where.andAll(search.rankedMatch(), List.of());
        }
        query.filter().addTo(where, search, false);
        query.addPositionTo(where, search.score());
        var args = new ArrayList<Object>();
        args.add(search.engineQuery(query.filter().search().text()));
        args.addAll(where.args());
        args.add(query.limit() + 1);
        int score = TicketColumn.values().length + 1;
        return jdbc.sql("SELECT " + TicketColumn.LIST + ", " + search.score() + search.rankedFrom() + where.sql()
                        + query.orderBy(search.score()) + " LIMIT ?")
                .params(args)
                .query((rs, n) -> new Hit(TicketColumn.read(rs, json), null, rs.getDouble(score)))
                .list();
    }

    long count(TicketFilter filter) {
        return count(filter, where -> {});
    }

    /** The count, up to {@code cap + 1}: the scan stops there, however many match. */
    long countUpTo(TicketFilter filter, java.util.function.Consumer<Where> more, long cap) {
        var where = new Where();
        filter.addTo(where, search);
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
        filter.addTo(where, search);
        more.accept(where);
        return jdbc.sql("SELECT COUNT(*) FROM tickets" + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
    }
}
