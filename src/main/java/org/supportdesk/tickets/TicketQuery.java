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
        // Within a priority, by creation time: what a person expects, and the index then grows at
        // its ends instead of at random places (ids are random).
        PRIORITY("priority", "priority_rank", "created_at");

        final String param;
        final List<String> columns;

        Sort(String param, String... columns) {
            this.param = param;
            this.columns = List.of(columns);
        }

        long keyOf(Ticket t) {
            return switch (this) {
                case CREATED_AT -> t.createdAt().toEpochMilli();
                case UPDATED_AT -> t.updatedAt().toEpochMilli();
                case PRIORITY -> t.priority().ordinal();
            };
        }

        /** The second sort key, before the id: creation time for sort=priority, else unused. */
        long secondKeyOf(Ticket t) {
            return this == PRIORITY ? t.createdAt().toEpochMilli() : 0;
        }
    }

    /**
     * Keyset position: the sort keys and id of the last ticket of the previous page. It carries the
     * sort and order it was made for, so it cannot be replayed against another ordering.
     */
    record Cursor(Sort sort, boolean descending, long key, long secondKey, String id) {

        Cursor(Sort sort, boolean descending, Ticket last) {
            this(
                    sort,
                    descending,
                    sort.keyOf(last),
                    sort.secondKeyOf(last),
                    last.id().toString());
        }

        String encode() {
            String raw =
                    "v2|" + sort.param + "|" + (descending ? "desc" : "asc") + "|" + key + "|" + secondKey + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 6 || !parts[0].equals("v2")) {
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
                String id = UUID.fromString(parts[5]).toString();
                return new Cursor(sort, desc, Long.parseLong(parts[3]), Long.parseLong(parts[4]), id);
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
                    .append(String.join(", ", sort.columns))
                    .append(", id) ")
                    .append(descending ? "<" : ">")
                    .append(sort.columns.size() == 1 ? " (?, ?)" : " (?, ?, ?)");
            args.add(after.key());
            if (sort.columns.size() > 1) {
                args.add(after.secondKey());
            }
            args.add(after.id());
        }
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        for (String column : sort.columns) {
            sql.append(column).append(direction).append(", ");
        }
        sql.append("id").append(direction);
        sql.append(" LIMIT ?");
        args.add(limit + 1);
        return sql.toString();
    }
}
