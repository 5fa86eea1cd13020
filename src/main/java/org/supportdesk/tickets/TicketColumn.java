package org.supportdesk.tickets;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqlite.core.CoreResultSet;
import org.supportdesk.system.Actor;

/**
 * The columns of the tickets table: the one place that knows each column, when it is written, the
 * value it gets from a {@link Ticket}, and (in {@link #read}) how a row becomes a Ticket again.
 * SELECT, INSERT and UPDATE are built from this list, and a row is read by each column's place in
 * it, so the SQL and the reads cannot drift apart. By place rather than by name, as before this
 * list existed: a read costs what it did, where a lookup by name would add one per cell, 2,400 to a
 * page of 100 tickets.
 */
enum TicketColumn {
    ID(Written.ONCE, (t, json) -> t.id().toString()),
    CUSTOMER_ID(Written.BY_EDITS, (t, json) -> t.customerId()),
    CUSTOMER_EMAIL(Written.BY_EDITS, (t, json) -> t.customerEmail()),
    CUSTOMER_NAME(Written.BY_EDITS, (t, json) -> t.customerName()),
    SUBJECT(Written.BY_EDITS, (t, json) -> t.subject()),
    DESCRIPTION(Written.BY_EDITS, (t, json) -> t.description()),
    CATEGORY(Written.BY_TRIAGE, (t, json) -> t.category().value()),
    CATEGORY_BY(Written.BY_TRIAGE, (t, json) -> t.categoryBy().value()),
    PRIORITY(Written.BY_TRIAGE, (t, json) -> t.priority().value()),
    // low 0 .. urgent 3: sort=priority and the priority filter read the rank (one index serves both).
    PRIORITY_RANK(Written.BY_TRIAGE, (t, json) -> t.priority().ordinal()),
    PRIORITY_BY(Written.BY_TRIAGE, (t, json) -> t.priorityBy().value()),
    STATUS(Written.BY_EDITS, (t, json) -> t.status().value()),
    TAGS(Written.BY_EDITS, (t, json) -> json.write(t.tags())),
    ASSIGNED_TO(Written.BY_EDITS, (t, json) -> t.assignedTo()),
    SOURCE(Written.BY_EDITS, (t, json) -> t.metadata().source().value()),
    BROWSER(Written.BY_EDITS, (t, json) -> t.metadata().browser()),
    DEVICE_TYPE(Written.BY_EDITS, (t, json) -> label(t.metadata().deviceType())),
    CLASSIFICATION(Written.BY_TRIAGE, (t, json) -> json.write(t.classification())),
    CREATED_AT(Written.ONCE, (t, json) -> t.createdAt().toEpochMilli()),
    UPDATED_AT(Written.BY_TRIAGE, (t, json) -> t.updatedAt().toEpochMilli()),
    RESOLVED_AT(Written.BY_EDITS, (t, json) -> millis(t.resolvedAt())),
    VERSION(Written.BY_TRIAGE, (t, json) -> t.version()),
    CREATED_BY(Written.ONCE, (t, json) -> t.createdBy().name()),
    CREATED_BY_ID(
            Written.ONCE,
            (t, json) -> t.createdBy().id() == null ? null : t.createdBy().id().toString()),
    FIRST_RESPONSE_AT(Written.BY_EDITS, (t, json) -> millis(t.firstResponseAt())),
    // The conversation's counters: written only by the statements of a comment (TicketStore), so
    // that an update of the fields racing a comment cannot set them back.
    LAST_COMMENT_AT(Written.BY_COMMENTS, (t, json) -> millis(t.lastCommentAt())),
    COMMENT_COUNT(Written.BY_COMMENTS, (t, json) -> t.commentCount()),
    MERGED_INTO(
            Written.BY_EDITS,
            (t, json) -> t.mergedInto() == null ? null : t.mergedInto().toString()),
    // The SLA clocks follow the priority, so classification writes them too.
    FIRST_RESPONSE_DUE_AT(Written.BY_TRIAGE, (t, json) -> millis(t.sla().firstResponseDueAt())),
    RESOLUTION_DUE_AT(Written.BY_TRIAGE, (t, json) -> millis(t.sla().resolutionDueAt())),
    SLA_PAUSED_AT(Written.BY_TRIAGE, (t, json) -> millis(t.sla().pausedAt())),
    SLA_PAUSED_MS(Written.BY_TRIAGE, (t, json) -> t.sla().pausedMillis()),
    SLA_DUE_AT(Written.BY_TRIAGE, (t, json) -> t.slaDueAt()),
    FIRST_RESPONSE_OUTCOME(
            Written.BY_TRIAGE, (t, json) -> t.sla().firstResponseOutcome(t.firstResponseAt(), t.resolvedAt())),
    RESOLUTION_OUTCOME(Written.BY_TRIAGE, (t, json) -> t.sla().resolutionOutcome(t.resolvedAt()));

    /**
     * When a column is written: at creation only, by every update, also by classification's narrow
     * update, or (besides creation) only by the conversation's counters.
     */
    enum Written {
        ONCE,
        BY_EDITS,
        BY_TRIAGE,
        BY_COMMENTS
    }

    private interface Value {
        Object of(Ticket ticket, TicketJson json);
    }

    private static final TicketColumn[] ALL = values();
    /** The columns an update of the writable fields sets. */
    static final List<TicketColumn> EDITED = columns(EnumSet.of(Written.BY_EDITS, Written.BY_TRIAGE));
    /** The only columns classification changes: SQLite rewrites the entries of every index whose columns an UPDATE sets. */
    static final List<TicketColumn> TRIAGED = columns(EnumSet.of(Written.BY_TRIAGE));

    /** Every column, in this order: what SELECT and INSERT list. */
    static final String LIST = names(List.of(ALL), ", ");

    final String column = name().toLowerCase(Locale.ROOT);
    private final int at = ordinal() + 1;
    private final Written written;
    private final Value value;

    TicketColumn(Written written, Value value) {
        this.written = written;
        this.value = value;
    }

    /** Every column, in this order, of the table named {@code alias} in a join. */
    static String list(String alias) {
        return Arrays.stream(ALL).map(c -> alias + "." + c.column).collect(Collectors.joining(", "));
    }

    static String insert() {
        return "INSERT INTO tickets (" + LIST + ") VALUES (" + "?, ".repeat(ALL.length - 1) + "?)";
    }

    /** `UPDATE tickets SET a = ?, b = ? ... WHERE id = ? AND version = ?`: a compare-and-set on the version. */
    static String update(List<TicketColumn> columns) {
        return "UPDATE tickets SET " + names(columns, " = ?, ") + " = ? WHERE id = ? AND version = ?";
    }

    /** The values of {@code columns} for {@code t}, then {@code more}, as statement parameters. */
    static Object[] values(Ticket t, TicketJson json, List<TicketColumn> columns, Object... more) {
        Object[] values = new Object[columns.size() + more.length];
        for (int i = 0; i < columns.size(); i++) {
            values[i] = columns.get(i).value.of(t, json);
        }
        System.arraycopy(more, 0, values, columns.size(), more.length);
        return values;
    }

    /** The values of every column, in the order of {@link #insert()}. */
    static Object[] values(Ticket t, TicketJson json) {
        Object[] values = new Object[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            values[i] = ALL[i].value.of(t, json);
        }
        return values;
    }

    /** The ticket of the current row of a result set that selected {@link #LIST}, its SLA as seen at {@code now}. */
    static Ticket read(ResultSet rs, TicketJson json, Instant now) throws SQLException {
        boolean bytes = rs.isWrapperFor(CoreResultSet.class);
        String device = text(rs, DEVICE_TYPE, bytes);
        Instant resolvedAt = instant(rs, RESOLVED_AT);
        Instant firstResponseAt = instant(rs, FIRST_RESPONSE_AT);
        String createdById = text(rs, CREATED_BY_ID, bytes);
        String mergedInto = text(rs, MERGED_INTO, bytes);
        Sla sla = Sla.of(
                Instant.ofEpochMilli(rs.getLong(FIRST_RESPONSE_DUE_AT.at)),
                Instant.ofEpochMilli(rs.getLong(RESOLUTION_DUE_AT.at)),
                instant(rs, SLA_PAUSED_AT),
                rs.getLong(SLA_PAUSED_MS.at),
                firstResponseAt,
                resolvedAt,
                now);
        return new Ticket(
                UUID.fromString(text(rs, ID, bytes)),
                text(rs, CUSTOMER_ID, bytes),
                text(rs, CUSTOMER_EMAIL, bytes),
                text(rs, CUSTOMER_NAME, bytes),
                text(rs, SUBJECT, bytes),
                text(rs, DESCRIPTION, bytes),
                Category.parse(text(rs, CATEGORY, bytes)),
                Priority.parse(text(rs, PRIORITY, bytes)),
                Status.parse(text(rs, STATUS, bytes)),
                json.tags(text(rs, TAGS, bytes)),
                text(rs, ASSIGNED_TO, bytes),
                new Metadata(
                        Source.parse(text(rs, SOURCE, bytes)),
                        text(rs, BROWSER, bytes),
                        device == null ? null : DeviceType.parse(device)),
                Instant.ofEpochMilli(rs.getLong(CREATED_AT.at)),
                Instant.ofEpochMilli(rs.getLong(UPDATED_AT.at)),
                resolvedAt,
                firstResponseAt,
                instant(rs, LAST_COMMENT_AT),
                rs.getInt(COMMENT_COUNT.at),
                mergedInto == null ? null : UUID.fromString(mergedInto),
                sla,
                json.classification(text(rs, CLASSIFICATION, bytes)),
                rs.getInt(VERSION.at),
                Origin.parse(text(rs, CATEGORY_BY, bytes)),
                Origin.parse(text(rs, PRIORITY_BY, bytes)),
                new Actor(text(rs, CREATED_BY, bytes), createdById == null ? null : UUID.fromString(createdById)));
    }

    /**
     * A text column. On SQLite as its UTF-8 bytes: the driver's getString has a JNI call wrap each
     * value in a direct ByteBuffer (calling back into Java to make it), then copies short values out
     * byte by byte, which was a quarter of the CPU of a list page (JFR, docs/BENCHMARKS.md);
     * getBytes is one JNI call that fills an array, and the bytes are the same UTF-8. PostgreSQL's
     * driver decodes its own bytes in getString.
     */
    private static String text(ResultSet rs, TicketColumn column, boolean bytes) throws SQLException {
        if (!bytes) {
            return rs.getString(column.at);
        }
        byte[] value = rs.getBytes(column.at);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Instant instant(ResultSet rs, TicketColumn column) throws SQLException {
        long millis = rs.getLong(column.at);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static String label(Labelled value) {
        return value == null ? null : value.value();
    }

    private static List<TicketColumn> columns(Set<Written> when) {
        return Arrays.stream(values()).filter(c -> when.contains(c.written)).toList();
    }

    private static String names(List<TicketColumn> columns, String separator) {
        return columns.stream().map(c -> c.column).collect(Collectors.joining(separator));
    }
}
