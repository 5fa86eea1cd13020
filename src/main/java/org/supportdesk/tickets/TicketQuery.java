package org.supportdesk.tickets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/** A page request: filters, order, size, and where the previous page stopped. */
record TicketQuery(TicketFilter filter, Sort sort, boolean descending, int limit, Cursor after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    enum Sort {
        CREATED_AT("created_at", "created_at"),
        UPDATED_AT("updated_at", "updated_at"),
        PRIORITY("priority", "priority_rank");

        final String param;
        final String column;

        Sort(String param, String column) {
            this.param = param;
            this.column = column;
        }

        long keyOf(Ticket t) {
            return switch (this) {
                case CREATED_AT -> t.createdAt().toEpochMilli();
                case UPDATED_AT -> t.updatedAt().toEpochMilli();
                case PRIORITY -> t.priority().ordinal();
            };
        }
    }

    /**
     * Keyset position: the sort key and id of the last ticket of the previous page. It carries the
     * sort and order it was made for, so it cannot be replayed against another ordering.
     */
    record Cursor(Sort sort, boolean descending, long key, String id) {

        String encode() {
            String raw = "v1|" + sort.param + "|" + (descending ? "desc" : "asc") + "|" + key + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 5 || !parts[0].equals("v1")) {
                    return null;
                }
                Sort sort = null;
                for (Sort s : Sort.values()) {
                    if (s.param.equals(parts[1])) {
                        sort = s;
                    }
                }
                boolean desc = parts[2].equals("desc");
                if (sort == null || !(desc || parts[2].equals("asc"))) {
                    return null;
                }
                String id = UUID.fromString(parts[4]).toString();
                return new Cursor(sort, desc, Long.parseLong(parts[3]), id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    static TicketQuery parse(TicketFilter filter, String sort, String order, String limit, String cursor) {
        var problems = new ArrayList<Problem>();
        Sort s = Sort.CREATED_AT;
        if (sort != null && !sort.isEmpty()) {
            s = null;
            for (Sort candidate : Sort.values()) {
                if (candidate.param.equals(sort)) {
                    s = candidate;
                }
            }
            if (s == null) {
                problems.add(Problem.query("sort", "Input should be 'created_at', 'updated_at' or 'priority'", "enum"));
            }
        }
        boolean desc = false;
        if (order != null && !order.isEmpty()) {
            desc = order.equals("desc");
            if (!desc && !order.equals("asc")) {
                problems.add(Problem.query("order", "Input should be 'asc' or 'desc'", "enum"));
            }
        }
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > MAX_LIMIT) {
                    problems.add(Problem.query(
                            "limit",
                            "Input should be between 1 and " + MAX_LIMIT,
                            size < 1 ? "greater_than_equal" : "less_than_equal"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.query("limit", "Input should be a valid integer", "int_parsing"));
            }
        }
        Cursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            after = Cursor.decode(cursor);
            if (after == null) {
                problems.add(Problem.query(
                        "cursor", "Invalid cursor: use the next_cursor of a previous page", "value_error"));
            } else if (s != null && (after.sort() != s || after.descending() != desc)) {
                problems.add(Problem.query(
                        "cursor",
                        "The cursor was made for another sort or order; repeat the same sort and order",
                        "value_error"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new TicketQuery(filter, s, desc, size, after);
    }

    /** The page's SQL: filters, then the keyset condition, ordered by the sort key and id. */
    String sql(List<Object> args) {
        var sql = new StringBuilder("SELECT " + Tickets.COLUMNS + " FROM tickets");
        filter.appendWhere(sql, args);
        if (after != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ");
            sql.append("(")
                    .append(sort.column)
                    .append(", id) ")
                    .append(descending ? "<" : ">")
                    .append(" (?, ?)");
            args.add(after.key());
            args.add(after.id());
        }
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY ")
                .append(sort.column)
                .append(direction)
                .append(", id")
                .append(direction);
        sql.append(" LIMIT ?");
        args.add(limit + 1);
        return sql.toString();
    }
}
