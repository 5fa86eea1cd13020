package org.supportdesk.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Dialect;
import org.supportdesk.system.DriverBatch;

/**
 * The SQL of `ticket_changes`, the change feed's log: one row per ticket, its latest change (kind,
 * time, fields, who), written in the transaction of the change, and read in the order no reader
 * can overtake a writer (db/migration/.../V8, docs/SEARCH.md). Rows say what happened in their own
 * terms, so that the feed, and later the webhooks' outbox, need nothing else to describe a change.
 *
 * <p>One per ticket id too: the key is (creation time, id), so that new rows append; a ticket's
 * creation time changes only when it is deleted and imported back, so creating tickets whose ids
 * were given deletes their ids' other tombstones (V17 indexes the tombstones alone; new ids are
 * random and skip that, 0.9 µs a row on SQLite, measured 2026-11-28).
 *
 * <p>Rows of a PostgreSQL database restored from another server are put in this server's order at
 * start ({@link RestoredChanges}).
 */
@Component
class ChangeLog {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String DELETED = "deleted";

    private static final String COLUMNS = "ticket_id, created_at, kind, at, fields, actor, actor_id";
    private static final String UPSERT = "INSERT INTO ticket_changes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String ON_CONFLICT = " ON CONFLICT (created_at, ticket_id) DO UPDATE SET ";
    private static final String REST = "kind = excluded.kind, at = excluded.at, fields = excluded.fields,"
            + " actor = excluded.actor, actor_id = excluded.actor_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TicketJson json;
    private final Dialect dialect;
    private final Clock clock;
    private final String onConflict;

    ChangeLog(JdbcClient jdbc, JdbcTemplate batch, TicketJson json, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.dialect = dialect;
        this.clock = clock;
        // A changed ticket moves to the end of the feed: SQLite's one writer hands out max + 1 in
        // commit order; PostgreSQL takes the sequence's next and the transaction's id.
        this.onConflict = ON_CONFLICT
                + (dialect == Dialect.SQLITE
                        ? "seq = (SELECT MAX(seq) FROM ticket_changes) + 1, "
                        : "seq = DEFAULT, xid = DEFAULT, ")
                + REST;
    }

    /** The fields a change names: those history shows, and the classification when a decision was stored. */
    static List<String> fields(java.util.Map<String, ?> changes, boolean classified) {
        var fields = new ArrayList<String>(changes.keySet());
        if (classified) {
            fields.add("classification");
        }
        return fields;
    }

    private long now() {
        return clock.millis();
    }

    /** The row of a new ticket, bound ahead of its statement (imports build it on the reading thread). */
    Object[] createdRow(Ticket t) {
        return row(t, CREATED, null, t.createdBy(), now());
    }

    /**
     * SQLite: logs the tickets inserted after rowid {@code last}, in one statement. Each row is
     * numbered here, max + its place in the batch, rather than by {@link #onConflict}'s max + 1:
     * SQLite evaluates that subquery once per statement, so every ticket of the batch that already
     * had a row (a deleted ticket imported back: its tombstone) got the same number, and the
     * statement failed on the key. Numbers taken at once stay above every row committed before and
     * below any committed after, as the feed needs.
     */
    void createdSince(long last, boolean idsGiven) {
        jdbc.sql("INSERT INTO ticket_changes (seq, " + COLUMNS + ")"
                        + " SELECT (SELECT COALESCE(MAX(seq), 0) FROM ticket_changes) + ROW_NUMBER() OVER (ORDER BY rowid),"
                        + " id, created_at, '" + CREATED + "', ?, NULL, created_by, created_by_id"
                        + " FROM tickets WHERE rowid > ? ORDER BY rowid"
                        + ON_CONFLICT + "seq = excluded.seq, " + REST)
                .params(now(), last)
                .update();
        if (idsGiven) {
            // After the insert, which numbered the rows above every tombstone: deleting the highest
            // row first would hand its number out again, behind a reader that had passed it.
            jdbc.sql("DELETE FROM ticket_changes WHERE kind = '" + DELETED + "' AND ticket_id IN"
                            + " (SELECT id FROM tickets WHERE rowid > ?)")
                    .param(last)
                    .update();
        }
    }

    /** PostgreSQL: logs new tickets' rows ({@link #createdRow}) and drops their ids' other tombstones. */
    void createdAll(List<Object[]> rows, boolean idsGiven) {
        DriverBatch.execute(batch, UPSERT + onConflict, rows);
        if (idsGiven && !rows.isEmpty()) {
            String[] ids = rows.stream().map(r -> (String) r[0]).toArray(String[]::new);
            jdbc.sql("DELETE FROM ticket_changes WHERE kind = '" + DELETED + "' AND ticket_id = ANY (?)")
                    .param(ids)
                    .update();
        }
    }

    /** Logs an update of {@code fields} (the API's names); nothing when none changed. */
    void updated(Ticket t, Collection<String> fields, Actor actor) {
        if (!fields.isEmpty()) {
            jdbc.sql(UPSERT + onConflict)
                    .params(row(t, UPDATED, fields, actor, now()))
                    .update();
        }
    }

    void updatedAll(List<Ticket> tickets, List<? extends Collection<String>> fields, Actor actor) {
        var rows = new ArrayList<Object[]>(tickets.size());
        long at = now();
        for (int i = 0; i < tickets.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                rows.add(row(tickets.get(i), UPDATED, fields.get(i), actor, at));
            }
        }
        DriverBatch.execute(batch, UPSERT + onConflict, rows);
    }

    void deleted(Ticket t, Actor actor) {
        jdbc.sql(UPSERT + onConflict)
                .params(row(t, DELETED, null, actor, now()))
                .update();
    }

    private Object[] row(Ticket t, String kind, Collection<String> fields, Actor actor, long at) {
        return new Object[] {
            t.id().toString(),
            t.createdAt().toEpochMilli(),
            kind,
            at,
            fields == null ? null : json.write(fields),
            actor.name(),
            actor.id() == null ? null : actor.id().toString()
        };
    }

    /** A place in the feed: after the row of (xid, seq); (0, 0) is the start. */
    record Position(long xid, long seq) {
        static final Position START = new Position(0, 0);
    }

    /** A logged change and, unless deleted, the ticket as it is now. */
    record Entry(
            Position position,
            String kind,
            UUID ticketId,
            Instant at,
            List<String> fields,
            Actor actor,
            Ticket ticket) {}

    /**
     * Up to {@code limit} changes after {@code after}, oldest first. On PostgreSQL only rows of
     * transactions that ended before every transaction still running (the snapshot's xmin): a
     * change being written now, whatever its sequence number, has a larger xid than any of them.
     */
    List<Entry> after(Position after, int limit) {
        String changes = "c.seq, c.kind, c.ticket_id, c.at, c.fields, c.actor, c.actor_id";
        String sql = dialect == Dialect.SQLITE
                ? "SELECT " + TicketColumn.list("t") + ", 0, " + changes
                        + " FROM ticket_changes c LEFT JOIN tickets t ON t.id = c.ticket_id WHERE c.seq > ?"
                        + " ORDER BY c.seq LIMIT ?"
                : "SELECT " + TicketColumn.list("t") + ", c.xid, " + changes
                        + " FROM ticket_changes c LEFT JOIN tickets t ON t.id = c.ticket_id"
                        + " WHERE (c.xid, c.seq) > (?, ?)"
                        + " AND c.xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                        + " ORDER BY c.xid, c.seq LIMIT ?";
        List<Object> args =
                dialect == Dialect.SQLITE ? List.of(after.seq(), limit) : List.of(after.xid(), after.seq(), limit);
        return jdbc.sql(sql).params(args).query((rs, n) -> entry(rs)).list();
    }

    /**
     * Whether {@code p} lies beyond every change this database can have logged: a cursor issued
     * before the database was restored from an older backup, or by another database signed with
     * the same key. SQLite's numbers never go down (rows are replaced by higher ones; tombstones
     * deleted lie below those); on PostgreSQL every row a reader was shown has an xid below xmax.
     */
    boolean beyondTheEnd(Position p) {
        if (dialect == Dialect.SQLITE) {
            return p.seq()
                    > jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ticket_changes")
                            .query(Long.class)
                            .single();
        }
        return p.xid()
                >= jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
                        .query(Long.class)
                        .single();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        int at = TicketColumn.values().length + 1;
        String kind = rs.getString(at + 2);
        String fields = rs.getString(at + 5);
        String actorId = rs.getString(at + 7);
        return new Entry(
                new Position(rs.getLong(at), rs.getLong(at + 1)),
                kind,
                UUID.fromString(rs.getString(at + 3)),
                Instant.ofEpochMilli(rs.getLong(at + 4)),
                fields == null ? null : json.tags(fields),
                new Actor(rs.getString(at + 6), actorId == null ? null : UUID.fromString(actorId)),
                kind.equals(DELETED) || rs.getString(1) == null ? null : TicketColumn.read(rs, json, clock.instant()));
    }
}
