package org.supportdesk.tickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The ticket table, its tags and its history, in plain SQL that SQLite and PostgreSQL both run. */
@Component
public class Tickets {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, HistoryEvent.Change>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    // The writable columns first, in the order of UPDATE and of writable(), then what a ticket
    // gets once, at creation.
    private static final String INSERT = """
            INSERT INTO tickets (customer_id, customer_email, customer_name, subject, description,
              category, category_by, priority, priority_rank, priority_by, status, tags, assigned_to,
              source, browser, device_type, classification, updated_at, resolved_at, version,
              id, created_at, created_by, created_by_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TAG = "INSERT INTO ticket_tags (tag, created_at, ticket_id) VALUES (?, ?, ?)";
    private static final String INSERT_TAGS_OF_NEW_TICKETS = "INSERT INTO ticket_tags (tag, created_at, ticket_id)"
            + " SELECT j.value, t.created_at, t.id FROM tickets t, json_each(t.tags) j WHERE t.rowid > ?";
    private static final String DELETE_TAG =
            "DELETE FROM ticket_tags WHERE tag = ? AND created_at = ? AND ticket_id = ?";
    private static final String COUNT_NEW =
            "UPDATE ticket_counts SET n = n + ? WHERE category = ? AND priority = ? AND status = ?";
    private static final String INSERT_HISTORY =
            "INSERT INTO ticket_history (ticket_id, at, actor, actor_id, action, changes, classification)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The ticket columns in the order {@link #map} reads them by index. */
    static final String COLUMNS = "id, customer_id, customer_email, customer_name, subject, description, category,"
            + " priority, status, tags, assigned_to, source, browser, device_type, created_at, updated_at,"
            + " resolved_at, classification, version, category_by, priority_by, created_by, created_by_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    // On SQLite the service counts new tickets for the stats (a row trigger cost more than the rest
    // of an insert), where PostgreSQL has a statement trigger; and SQLite makes a batch's tag rows
    // from the tags column in one statement (3% of an import), which spares binding each row.
    private final boolean sqlite;
    // Readers bound to their type once: resolving the type on every row is a visible cost.
    private final ObjectReader tagsReader;
    private final ObjectReader classificationReader;

    Tickets(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Database db) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.sqlite = db.isSqlite();
        this.tagsReader = json.readerFor(STRINGS);
        this.classificationReader = json.readerFor(ClassificationInfo.class);
    }

    /**
     * New tickets on their way into the store, as the statements' parameters: an import builds the
     * next batch while the database stores the previous one.
     */
    public final class Batch {
        private final List<Object[]> tickets = new ArrayList<>();
        private final List<Object[]> tags = new ArrayList<>();
        private final List<Object[]> history = new ArrayList<>();
        private final Map<List<String>, Integer> counts = new HashMap<>();

        private Batch() {}

        /** Adds a new ticket and, when the classifier decided for it, that decision's history event. */
        public void add(Ticket t, HistoryEvent classified) {
            tickets.add(insertParams(t));
            if (!sqlite) {
                for (String tag : t.tags()) {
                    tags.add(new Object[] {tag, t.createdAt().toEpochMilli(), t.id().toString()});
                }
            }
            if (classified != null) {
                history.add(historyParams(t.id(), classified));
            }
            if (sqlite) {
                counts.merge(
                        List.of(
                                t.category().value(),
                                t.priority().value(),
                                t.status().value()),
                        1,
                        Integer::sum);
            }
        }

        public int size() {
            return tickets.size();
        }
    }

    public Batch batch() {
        return new Batch();
    }

    /**
     * New tickets per (category, priority, status), to be added to the stats' counts once per
     * transaction rather than per batch: a batch of 1,000 can touch all 120 groups.
     */
    public static final class Tally {
        private final Map<List<String>, Integer> counts = new HashMap<>();
    }

    /** Stores the batch's tickets in the current transaction; {@code tally} keeps their counts. */
    public void insertAll(Batch b, Tally tally) {
        if (sqlite) {
            // The rows after the current last are this batch's: one writer, one connection.
            long last = jdbc.sql("SELECT COALESCE(MAX(rowid), 0) FROM tickets")
                    .query(Long.class)
                    .single();
            executeBatch(INSERT, b.tickets);
            jdbc.sql(INSERT_TAGS_OF_NEW_TICKETS).param(last).update();
        } else {
            executeBatch(INSERT, b.tickets);
            executeBatch(INSERT_TAG, b.tags);
        }
        executeBatch(INSERT_HISTORY, b.history);
        b.counts.forEach((key, n) -> tally.counts.merge(key, n, Integer::sum));
    }

    /** Adds the tallied tickets to the stats' counts (on PostgreSQL a trigger has already). */
    public void count(Tally tally) {
        tally.counts.forEach((key, n) -> jdbc.sql(COUNT_NEW)
                .params(n, key.get(0), key.get(1), key.get(2))
                .update());
        tally.counts.clear();
    }

    void insert(Ticket t, HistoryEvent classified) {
        Batch one = batch();
        one.add(t, classified);
        Tally tally = new Tally();
        insertAll(one, tally);
        count(tally);
    }

    // Straight to the driver's own statement: JdbcTemplate.batchUpdate looks up each value's SQL
    // type, and the pool's and the statement cache's wrappers forward every call (the cache's by
    // reflection); for an import's 30 values a row, either cost more than binding them. The
    // wrapper is still what gets closed, so the statement goes back to the cache.
    private void executeBatch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement wrapped = con.prepareStatement(sql)) {
                PreparedStatement ps = driverStatement(wrapped);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static PreparedStatement driverStatement(PreparedStatement ps) throws SQLException {
        for (PreparedStatement inner = ps.unwrap(PreparedStatement.class);
                inner != ps;
                inner = ps.unwrap(PreparedStatement.class)) {
            ps = inner;
        }
        return ps;
    }

    private Object[] insertParams(Ticket t) {
        return withValues(
                writable(t),
                t.id().toString(),
                t.createdAt().toEpochMilli(),
                t.createdBy().name(),
                uuid(t.createdBy().id()));
    }

    /** The values of the columns an update may set, in the order of UPDATE's SET (and INSERT's start). */
    private Object[] writable(Ticket t) {
        return new Object[] {
            t.customerId(),
            t.customerEmail(),
            t.customerName(),
            t.subject(),
            t.description(),
            t.category().value(),
            t.categoryBy().value(),
            t.priority().value(),
            t.priority().ordinal(),
            t.priorityBy().value(),
            t.status().value(),
            json.writeValueAsString(t.tags()),
            t.assignedTo(),
            t.metadata().source().value(),
            t.metadata().browser(),
            t.metadata().deviceType() == null ? null : t.metadata().deviceType().value(),
            classificationJson(t),
            t.updatedAt().toEpochMilli(),
            t.resolvedAt() == null ? null : t.resolvedAt().toEpochMilli(),
            t.version()
        };
    }

    private String classificationJson(Ticket t) {
        return t.classification() == null ? null : json.writeValueAsString(t.classification());
    }

    private static Object[] withValues(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")
                .param(id.toString())
                .query(this::map)
                .optional();
    }

    private static final String UPDATE = """
            UPDATE tickets SET customer_id = ?, customer_email = ?, customer_name = ?, subject = ?,
              description = ?, category = ?, category_by = ?, priority = ?, priority_rank = ?,
              priority_by = ?, status = ?, tags = ?, assigned_to = ?, source = ?, browser = ?,
              device_type = ?, classification = ?, updated_at = ?, resolved_at = ?, version = ?
            WHERE id = ? AND version = ?""";

    private Object[] updateParams(Ticket t, int expectedVersion) {
        return withValues(writable(t), t.id().toString(), expectedVersion);
    }

    /** Compare-and-set on the version: false when someone else changed the ticket first. */
    boolean update(Ticket t, int expectedVersion) {
        return jdbc.sql(UPDATE).params(updateParams(t, expectedVersion)).update() == 1;
    }

    // Only the columns classification changes: SQLite rewrites the entries of every index whose
    // columns an UPDATE sets, and classify-all's batches would otherwise rewrite, say, the
    // customer index at one random place per ticket.
    private static final String UPDATE_TRIAGE = """
            UPDATE tickets SET category = ?, category_by = ?, priority = ?, priority_rank = ?, priority_by = ?,
              classification = ?, updated_at = ?, version = ?
            WHERE id = ? AND version = ?""";

    /**
     * Batched compare-and-set of new classifications (as {@link Ticket#withTriage} makes them);
     * each entry true when its row was still at the version before.
     */
    boolean[] updateTriageAll(List<Ticket> next) {
        var params = new ArrayList<Object[]>(next.size());
        for (Ticket t : next) {
            params.add(new Object[] {
                t.category().value(),
                t.categoryBy().value(),
                t.priority().value(),
                t.priority().ordinal(),
                t.priorityBy().value(),
                classificationJson(t),
                t.updatedAt().toEpochMilli(),
                t.version(),
                t.id().toString(),
                t.version() - 1
            });
        }
        int[] counts = batch.batchUpdate(UPDATE_TRIAGE, params);
        boolean[] updated = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            updated[i] = counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO;
        }
        return updated;
    }

    void appendHistoryAll(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT_HISTORY, rows);
        }
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

    boolean delete(UUID id) {
        Optional<Ticket> ticket = find(id);
        if (ticket.isEmpty()) {
            return false;
        }
        // No foreign keys: they cost imports more than these two statements cost a delete.
        replaceTags(ticket.get(), List.of());
        jdbc.sql("DELETE FROM ticket_history WHERE ticket_id = ?")
                .param(id.toString())
                .update();
        return jdbc.sql("DELETE FROM tickets WHERE id = ?").param(id.toString()).update() == 1;
    }

    List<Ticket> page(TicketQuery query) {
        var args = new ArrayList<>();
        String sql = query.sql(args);
        return jdbc.sql(sql).params(args).query(this::map).list();
    }

    public long count(TicketFilter filter) {
        var sql = new StringBuilder("SELECT COUNT(*) FROM tickets");
        var args = new ArrayList<>();
        filter.appendWhere(sql, args);
        return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
    }

    Object[] historyParams(UUID id, HistoryEvent event) {
        return new Object[] {
            id.toString(),
            event.at().toEpochMilli(),
            event.actor(),
            uuid(event.actorId()),
            event.action(),
            json.writeValueAsString(event.changes() == null ? Map.of() : event.changes()),
            event.classification() == null ? null : json.writeValueAsString(event.classification())
        };
    }

    void appendHistory(UUID id, HistoryEvent event) {
        jdbc.sql(INSERT_HISTORY).params(historyParams(id, event)).update();
    }

    List<HistoryEvent> history(UUID id) {
        return jdbc.sql("SELECT * FROM ticket_history WHERE ticket_id = ? ORDER BY seq")
                .param(id.toString())
                .query((rs, n) -> new HistoryEvent(
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"),
                        uuid(rs.getString("actor_id")),
                        rs.getString("action"),
                        json.readValue(rs.getString("changes"), CHANGES),
                        rs.getString("classification") == null
                                ? null
                                : json.readValue(rs.getString("classification"), OBJECT)))
                .list();
    }

    Ticket map(ResultSet rs, int row) throws SQLException {
        String device = rs.getString(14);
        long resolved = rs.getLong(17);
        boolean unresolved = rs.wasNull();
        String classification = rs.getString(18);
        return new Ticket(
                UUID.fromString(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Category.parse(rs.getString(7)),
                Priority.parse(rs.getString(8)),
                Status.parse(rs.getString(9)),
                tagsReader.readValue(rs.getString(10)),
                rs.getString(11),
                new Metadata(
                        Source.parse(rs.getString(12)),
                        rs.getString(13),
                        device == null ? null : DeviceType.parse(device)),
                Instant.ofEpochMilli(rs.getLong(15)),
                Instant.ofEpochMilli(rs.getLong(16)),
                unresolved ? null : Instant.ofEpochMilli(resolved),
                classification == null ? null : classificationReader.readValue(classification),
                rs.getInt(19),
                Origin.parse(rs.getString(20)),
                Origin.parse(rs.getString(21)),
                new Actor(rs.getString(22), uuid(rs.getString(23))));
    }

    private static String uuid(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
