package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * The SQL of the breach check (db/migration/.../V12): the claims of announced breaches
 * (`sla_breach_announcements`), the later targets it watches (`sla_breach_watches`), how far it
 * has looked (`sla_breach_check`), and its one read of the tickets table, a range of the index of
 * `sla_due_at`.
 */
@Component
class SlaBreaches {

    private static final String SELECT = "SELECT " + TicketColumn.LIST + " FROM tickets";
    /** The columns, then `sla_due_at` once more: the stored value, which the next batch starts after. */
    private static final String SELECT_WITH_DUE = "SELECT " + TicketColumn.LIST + ", sla_due_at FROM tickets";

    private final JdbcClient jdbc;
    private final TicketJson json;
    private final String lock;

    SlaBreaches(JdbcClient jdbc, TicketJson json, Dialect dialect) {
        this.jdbc = jdbc;
        this.json = json;
        // SQLite has one writer, which runs the check's batches one after another anyway.
        this.lock = dialect.rowLock();
    }

    /** A place in the order of `sla_due_at`, then id: the tickets after it come next. */
    record Position(long dueMillis, String id) {
        /** Every ticket whose `sla_due_at` is {@code dueMillis} or later. */
        static Position from(long dueMillis) {
            return new Position(dueMillis, "");
        }
    }

    /**
     * Takes the check's turn until the transaction ends (on PostgreSQL the row stays locked, so the
     * instances' batches never run side by side and never wait on each other's claims in a
     * cycle), and returns how far the last run looked: empty before the first.
     */
    Optional<Instant> lock() {
        long through = jdbc.sql("SELECT COALESCE(checked_through, -1) FROM sla_breach_check WHERE id = 1" + lock)
                .query(Long.class)
                .single();
        return through < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(through));
    }

    void checkedThrough(Instant at) {
        jdbc.sql("UPDATE sla_breach_check SET checked_through = ? WHERE id = 1")
                .param(at.toEpochMilli())
                .update();
    }

    /** A ticket whose earliest open due time passed, and its place in the order of the index. */
    record Passed(Ticket ticket, Position position) {}

    /**
     * Up to {@code limit} tickets after {@code after} whose `sla_due_at` is before {@code now}, in
     * that order, with their SLA as seen at {@code now}: those an open target of which is overdue.
     */
    List<Passed> passed(Position after, Instant now, int limit) {
        int dueAt = TicketColumn.values().length + 1;
        return jdbc.sql(SELECT_WITH_DUE + " WHERE sla_due_at >= ? AND sla_due_at < ? AND (sla_due_at > ? OR id > ?)"
                        + " ORDER BY sla_due_at, id LIMIT ?")
                .params(after.dueMillis(), now.toEpochMilli(), after.dueMillis(), after.id(), limit)
                .query((rs, n) -> {
                    Ticket t = TicketColumn.read(rs, json, now);
                    return new Passed(t, new Position(rs.getLong(dueAt), t.id().toString()));
                })
                .list();
    }

    Optional<Ticket> find(UUID id, Instant now) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> TicketColumn.read(rs, json, now))
                .optional();
    }

    /**
     * Claims the breach of {@code target} at {@code due}: true for the one transaction that
     * announces it, false when it was announced already (or, on PostgreSQL, by a transaction that
     * committed while this one waited on the row).
     */
    boolean claim(UUID ticket, String target, Instant due, Instant at) {
        return jdbc.sql("INSERT INTO sla_breach_announcements (ticket_id, target, due_at, announced_at)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(ticket.toString(), target, due.toEpochMilli(), at.toEpochMilli())
                        .update()
                == 1;
    }

    /** Notes that the ticket is to be looked at again when {@code due} passes. */
    void watch(UUID ticket, String target, Instant due) {
        jdbc.sql("INSERT INTO sla_breach_watches (ticket_id, target, due_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(ticket.toString(), target, due.toEpochMilli())
                .update();
    }

    /** Up to {@code limit} tickets with a watched due time before {@code now}, earliest first. */
    List<UUID> watched(Instant now, int limit) {
        return jdbc
                .sql("SELECT ticket_id FROM sla_breach_watches WHERE due_at < ? ORDER BY due_at LIMIT ?")
                .params(now.toEpochMilli(), limit)
                .query((rs, n) -> UUID.fromString(rs.getString(1)))
                .list()
                .stream()
                .distinct()
                .toList();
    }

    /** Forgets the ticket's watched due times before {@code now}: it has been looked at. */
    void looked(UUID ticket, Instant now) {
        jdbc.sql("DELETE FROM sla_breach_watches WHERE ticket_id = ? AND due_at < ?")
                .params(ticket.toString(), now.toEpochMilli())
                .update();
    }

    /** Deletes the claims and watches of due times before {@code before}: too old to announce. */
    void expire(Instant before) {
        long at = before.toEpochMilli();
        jdbc.sql("DELETE FROM sla_breach_announcements WHERE due_at < ?")
                .param(at)
                .update();
        jdbc.sql("DELETE FROM sla_breach_watches WHERE due_at < ?").param(at).update();
    }
}
