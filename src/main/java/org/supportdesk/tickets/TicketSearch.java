package org.supportdesk.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supportdesk.search.FieldTerm;
import org.supportdesk.search.SearchQuery;
import org.supportdesk.search.Text;

/**
 * The `q` parameter bound: the words to match, and each field of the query checked against the
 * values a ticket has ({@code status:new} must name a status). Its conditions join the other list
 * filters with AND, so `q` works with every filter, sort and page of the list, with stats and with
 * classify-all.
 *
 * @param text what the words must match; null when the query has only fields
 * @param fields the fields, as conditions on the tickets table
 * @param canonical the query as SearchQuery.canonical writes it, for the cursors bound to it
 */
record TicketSearch(Text text, List<Field> fields, String canonical) {

    /**
     * A field of the query as a condition: {@code sql} with its {@code args}, or a customer to look
     * up; {@code counted} is the category, priority or status it asks for (null for other fields).
     */
    record Field(String sql, List<Object> args, String customer, Labelled counted) {

        Field(String sql, List<Object> args, String customer) {
            this(sql, args, customer, null);
        }
    }

    /** The fields alone, without the words. */
    TicketSearch withoutText() {
        return new TicketSearch(null, fields, canonical);
    }

    /** True when some words must match: the matches can be ranked and highlighted. */
    boolean ranked() {
        return text != null && Text.hasPositive(text);
    }

    /** The fields checked; every value a field does not take is a problem on ["query", "q"] that says where. */
    static TicketSearch bind(SearchQuery query, QueryValues problems, Instant now, Duration dueSoon) {
        var fields = new ArrayList<Field>();
        for (FieldTerm term : query.fields()) {
            try {
                fields.add(field(term, problems.caller(), now, dueSoon));
            } catch (IllegalArgumentException e) {
                problems.problem("q", term + " at position " + term.position() + ": " + e.getMessage(), "value_error");
            }
        }
        if (query.matchesNothing()) {
            // What must match was only words without letters (`😀`): no ticket, so that export,
            // stats and classify-all act on none rather than on all (docs/SEARCH.md).
            fields.add(new Field("1 = 0", List.of(), null));
        }
        return new TicketSearch(query.text(), fields, query.canonical());
    }

    private static Field field(FieldTerm term, String caller, Instant now, Duration dueSoon) {
        String value = term.value();
        return switch (term.field()) {
            case STATUS -> counted("status = ?", label(Status.values(), value));
            // By rank, as the priority filter: one index serves both.
            case PRIORITY -> counted("priority_rank = ?", label(Priority.values(), value));
            case CATEGORY -> counted("category = ?", label(Category.values(), value));
            case ASSIGNEE -> assignee(value, caller);
            case TAG -> is("id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)", value);
            case CUSTOMER -> new Field(null, List.of(), value);
            case CREATED -> when("created_at", term);
            case UPDATED -> when("updated_at", term);
            case SLA -> sla(label(SlaCondition.Kind.values(), value), now, dueSoon);
        };
    }

    /** `sla:breached` and `sla:due_soon`, as the `sla` filter: against the clock at query time. */
    private static Field sla(SlaCondition.Kind kind, Instant now, Duration dueSoon) {
        SlaCondition due = SlaCondition.of(kind, now, dueSoon);
        return due.dueFrom() == null
                ? new Field("sla_due_at < ?", List.of(due.dueBefore()), null)
                : new Field("sla_due_at >= ? AND sla_due_at < ?", List.of(due.dueFrom(), due.dueBefore()), null);
    }

    /** A field on a column of the counts table: its label, or a priority's rank. */
    private static Field counted(String sql, Labelled value) {
        Object bound = value instanceof Priority p ? p.ordinal() : value.value();
        return new Field(sql, List.of(bound), null, value);
    }

    private static Field is(String sql, Object value) {
        return new Field(sql, List.of(value), null);
    }

    private static <E extends Enum<E> & Labelled> E label(E[] values, String value) {
        E parsed = Labelled.parse(values, value.toLowerCase(Locale.ROOT));
        if (parsed == null) {
            throw new IllegalArgumentException(Labelled.expectation(values));
        }
        return parsed;
    }

    private static Field assignee(String value, String caller) {
        if (value.equalsIgnoreCase("none")) {
            return new Field("assigned_to IS NULL", List.of(), null);
        }
        if (value.equalsIgnoreCase("me")) {
            // Tickets are assigned by name, and the caller's name is their API key's (docs/SEARCH.md).
            return is("assigned_to = ?", caller == null ? "" : caller);
        }
        return is("assigned_to = ?", value);
    }

    /**
     * A time comparison. A plain date is a whole day in UTC: {@code created>2026-01-01} starts the
     * day after, {@code created:2026-01-01} is that day; a full timestamp is that instant.
     */
    private static Field when(String column, FieldTerm term) {
        Instant at = QueryValues.instant(term.value());
        boolean day = term.value().length() == "2026-01-01".length();
        Instant end = day ? at.plus(Duration.ofDays(1)) : at.plusMillis(1);
        long from = at.toEpochMilli();
        long until = end.toEpochMilli();
        return switch (term.comparison()) {
            case IS -> new Field(column + " >= ? AND " + column + " < ?", List.of(from, until), null);
            case AFTER -> is(column + " >= ?", until);
            case FROM -> is(column + " >= ?", from);
            case BEFORE -> is(column + " < ?", from);
            case UNTIL -> is(column + " < ?", until);
        };
    }

    /** Adds the fields' conditions and, unless {@code withText} is false (a ranked page matches itself), the words'. */
    void addTo(Where where, SearchSql sql, boolean withText) {
        if (text != null && withText) {
            sql.addMatch(where, text);
        }
        for (Field f : fields) {
            if (f.customer() != null) {
                sql.addCustomer(where, f.customer());
            } else if (f.args().size() == 1) {
                // Through and(): a value holding NUL matches nothing rather than failing on PostgreSQL.
                where.and(f.sql(), f.args().get(0));
            } else {
                where.andAll(f.sql(), f.args());
            }
        }
    }
}
