package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;

/**
 * A page request: filters, order, size, where the previous page stopped, and whether a search's
 * total must be exact ({@code exact_total=true}; see TicketSearches). Bound from the query string
 * by {@link TicketQueryBinding}: a controller declares a TicketQuery parameter.
 */
record TicketQuery(TicketFilter filter, Sort sort, boolean descending, int limit, Cursor after, boolean exactTotal) {

    /** A page read by the service itself, which has no use for a search's total. */
    TicketQuery(TicketFilter filter, Sort sort, boolean descending, int limit, Cursor after) {
        this(filter, sort, descending, limit, after, false);
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    enum Sort implements Labelled {
        CREATED_AT("created_at", "created_at"),
        UPDATED_AT("updated_at", "updated_at"),
        // Within a priority, by creation time: what a person expects, and the index then grows at
        // its ends instead of at random places (ids are random).
        PRIORITY("priority", "priority_rank", "created_at"),
        // The next SLA due time first: overdue tickets, the most overdue first, then what falls
        // due next; tickets with no clock running last.
        SLA_DUE_AT("sla_due_at", "sla_due_at"),
        // Best match first (sort=relevance, the default with q): the search engine's score, then id.
        RELEVANCE("relevance");

        private final String param;
        final List<String> columns;

        Sort(String param, String... columns) {
            this.param = param;
            this.columns = List.of(columns);
        }

        @Override
        public String value() {
            return param;
        }

        long keyOf(Ticket t) {
            return switch (this) {
                case CREATED_AT -> t.createdAt().toEpochMilli();
                case UPDATED_AT -> t.updatedAt().toEpochMilli();
                case PRIORITY -> t.priority().ordinal();
                case SLA_DUE_AT -> t.slaDueAt();
                case RELEVANCE -> throw new IllegalArgumentException("A ticket has no score of its own; see Hit");
            };
        }

        /** The second sort key, before the id: creation time for sort=priority, else unused. */
        long secondKeyOf(Ticket t) {
            return this == PRIORITY ? t.createdAt().toEpochMilli() : 0;
        }
    }

    enum Order implements Labelled {
        ASC,
        DESC;

        @Override
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Keyset position: the sort keys and id of the last ticket of the previous page. It carries the
     * sort and order it was made for, so it cannot be replayed against another ordering; clients
     * see it signed, through {@link CursorCodec}. A relevance position is a place in a rank window
     * (RankWindows): how many of the window's hits were shown ({@code key}), the window's low bound
     * ({@code secondKey}) and high bound ({@code high}), the last hit's id, and the {@code scope}
     * of the search it was issued for (CursorCodec.scopeOf): a place in one query's window means
     * nothing in another's. Other sorts have no use for {@code high} and {@code scope} (""): a
     * keyset position is the same place whatever the filters.
     */
    record Cursor(Sort sort, boolean descending, long key, long secondKey, String id, long high, String scope) {

        Cursor(Sort sort, boolean descending, long key, long secondKey, String id) {
            this(sort, descending, key, secondKey, id, 0, "");
        }

        Cursor(Sort sort, boolean descending, Ticket last) {
            this(
                    sort,
                    descending,
                    sort.keyOf(last),
                    sort.secondKeyOf(last),
                    last.id().toString());
        }

        /**
         * After the {@code shown} best hits of the rank window [low, high), the last of them
         * {@code last}, of the search whose filters have this {@code scope}.
         */
        static Cursor inWindow(long shown, Ticket last, long low, long high, String scope) {
            return new Cursor(Sort.RELEVANCE, false, shown, low, last.id().toString(), high, scope);
        }

        /** The low bound of a relevance position's rank window. */
        long low() {
            return secondKey;
        }
    }

    private static final String ANOTHER_ORDER =
            "The cursor was made for another sort or order; repeat the same sort and order";
    private static final String ANOTHER_SEARCH =
            "The cursor was made for another search; repeat the same q and filters, or start again without a cursor";

    /** Reads sort, order, limit and cursor; every problem goes to {@code query}'s list. */
    static TicketQuery bind(TicketFilter filter, QueryValues query, CursorCodec cursors) {
        int problems = query.problems().size();
        Sort sort = query.label("sort", Sort.values());
        Sort asked = sort;
        boolean sortValid = query.problems().size() == problems;
        if (sort == null) {
            sort = filter.ranked() ? Sort.RELEVANCE : Sort.CREATED_AT;
        } else if (sort == Sort.RELEVANCE && !filter.ranked()) {
            // Nothing to rank by (no q, or q that only excludes or only filters): oldest first, as without q.
            sort = Sort.CREATED_AT;
        }
        boolean desc = query.label("order", Order.values()) == Order.DESC;
        if (sort == Sort.RELEVANCE) {
            // Best first; a score has no other useful direction.
            desc = false;
        }
        int limit = query.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        String cursor = query.raw("cursor");
        Cursor after = cursor == null ? null : cursors.decode(cursor);
        if (cursor != null && after == null) {
            query.problem("cursor", "Invalid cursor: use the next_cursor of a previous page", "value_error");
        } else if (after != null && sortValid && (after.sort() != sort || after.descending() != desc)) {
            // Between relevance and another order without a sort asked for, q changed the order
            // (no words to rank by, or words where there were none), not the caller's sort.
            boolean byQ = after.sort() != sort
                    && (after.sort() == Sort.RELEVANCE || sort == Sort.RELEVANCE)
                    && (asked == null || asked == Sort.RELEVANCE);
            query.problem("cursor", byQ ? ANOTHER_SEARCH : ANOTHER_ORDER, "value_error");
        } else if (after != null && sort == Sort.RELEVANCE && !after.scope().equals(cursors.scopeOf(filter))) {
            query.problem("cursor", ANOTHER_SEARCH, "value_error");
        }
        boolean exactTotal = query.flag("exact_total");
        return new TicketQuery(filter, sort, desc, limit, after, exactTotal);
    }

    /** Adds the keyset condition: after the previous page's last (sort keys, id), in this order. */
    void addPositionTo(Where where) {
        if (after == null) {
            return;
        }
        if (sort == Sort.RELEVANCE) {
            throw new IllegalStateException("A relevance position is a place in a rank window: see RankWindows");
        }
        var values = new ArrayList<Object>();
        values.add(after.key());
        if (sort.columns.size() > 1) {
            values.add(after.secondKey());
        }
        values.add(after.id());
        where.andAll(
                "(" + String.join(", ", sort.columns) + ", id) " + (descending ? "<" : ">") + " ("
                        + "?, ".repeat(values.size() - 1) + "?)",
                values);
    }

    /** " ORDER BY" the sort columns, then id, all in the query's direction. */
    String orderBy() {
        return orderBy(null);
    }

    /** " ORDER BY" the sort columns alone, without the id: see SortedPages. */
    String orderByKeys() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + String.join(direction + ", ", sort.columns) + direction;
    }

    /** The same, where a ranked page's {@code score} is that SQL expression: best first, then by id. */
    String orderBy(String score) {
        if (sort == Sort.RELEVANCE) {
            return " ORDER BY " + score + " DESC, id ASC";
        }
        return orderByKeys() + ", id" + (descending ? " DESC" : " ASC");
    }
}
