package org.supportdesk.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/**
 * The list filters shared by `GET /tickets`, stats and classify-all. `createdAfter` is inclusive,
 * `createdBefore` exclusive.
 */
public record TicketFilter(
        Category category,
        Priority priority,
        Status status,
        String assignedTo,
        String customerId,
        String tag,
        Instant createdAfter,
        Instant createdBefore) {

    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null);

    /** Parses query parameters; a value outside its enum or a bad timestamp is a 422 on ["query", name]. */
    public static TicketFilter parse(
            String category,
            String priority,
            String status,
            String assignedTo,
            String customerId,
            String tag,
            String createdAfter,
            String createdBefore) {
        var problems = new ArrayList<Problem>();
        var filter =
                parse(category, priority, status, assignedTo, customerId, tag, createdAfter, createdBefore, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return filter;
    }

    static TicketFilter parse(
            String category,
            String priority,
            String status,
            String assignedTo,
            String customerId,
            String tag,
            String createdAfter,
            String createdBefore,
            List<Problem> problems) {
        return new TicketFilter(
                label("category", category, Category.values(), problems),
                label("priority", priority, Priority.values(), problems),
                label("status", status, Status.values(), problems),
                blankToNull(assignedTo),
                blankToNull(customerId),
                blankToNull(tag),
                timestamp("created_after", createdAfter, problems),
                timestamp("created_before", createdBefore, problems));
    }

    /** True when only the counted columns are filtered, so stats can read the counts table. */
    public boolean onlyCountedColumns() {
        return assignedTo == null && customerId == null && tag == null && createdAfter == null && createdBefore == null;
    }

    /** Appends `WHERE ...` (or nothing) for the columns of table `tickets`, with positional args. */
    public void appendWhere(StringBuilder sql, List<Object> args) {
        // By rank: the index behind sort=priority then serves the filter too.
        appendWhere(sql, args, "priority_rank = ?", priority == null ? null : priority.ordinal());
    }

    /** The same for the stats' counts table, which has only the {@link #onlyCountedColumns}. */
    public void appendCountsWhere(StringBuilder sql, List<Object> args) {
        appendWhere(sql, args, "priority = ?", priority == null ? null : priority.value());
    }

    private void appendWhere(StringBuilder sql, List<Object> args, String priorityClause, Object priorityValue) {
        var clauses = new ArrayList<String>();
        add(clauses, args, "category = ?", category == null ? null : category.value());
        add(clauses, args, priorityClause, priorityValue);
        add(clauses, args, "status = ?", status == null ? null : status.value());
        add(clauses, args, "assigned_to = ?", assignedTo);
        add(clauses, args, "customer_id = ?", customerId);
        add(clauses, args, "id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)", tag);
        add(clauses, args, "created_at >= ?", createdAfter == null ? null : createdAfter.toEpochMilli());
        add(clauses, args, "created_at < ?", createdBefore == null ? null : createdBefore.toEpochMilli());
        if (!clauses.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", clauses));
        }
    }

    private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            // No stored text holds NUL (see TicketBinder), and PostgreSQL refuses it as a parameter.
            clauses.add("1 = 0");
        } else if (value != null) {
            clauses.add(clause);
            args.add(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E> & Labelled> E label(
            String name, String value, E[] values, List<Problem> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        E parsed = Labelled.parse(values, value);
        if (parsed == null) {
            problems.add(Problem.query(name, Labelled.expectation(values), "enum"));
        }
        return parsed;
    }

    /** RFC 3339 with an offset (`2026-11-25T10:00:00Z`), or a plain date meaning its start in UTC. */
    private static Instant timestamp(String name, String value, List<Problem> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                problems.add(Problem.query(
                        name,
                        "Input should be a valid datetime (RFC 3339, e.g. 2026-11-25T10:00:00Z) or date",
                        "datetime_parsing"));
                return null;
            }
        }
    }
}
