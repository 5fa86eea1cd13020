package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * Reads a page in the order of its sort keys, ties by id (SPEC §5), the way each database does it
 * cheapest. PostgreSQL's list indexes end with the id, so ORDER BY the keys and id follows an
 * index. SQLite's end with the rowid: there, ORDER BY the keys and id copied every row of a page
 * into a sorter to order the tickets that share a key (an import stores ten or more a
 * millisecond), 15-20% of the CPU of the harness's filtered list (docs/BENCHMARKS.md). So on
 * SQLite a page is read in the order of its keys alone, which the index gives, and the tickets
 * that share keys are put in id order here; only the group at the page's end may be cut off by the
 * limit, and that one group is read again in id order.
 */
@Component
class SortedPages {

    /**
     * The sorts whose keys a ticket read back gives exactly as stored, so that its group of ties can
     * be read again by them (not sla_due_at, which a ticket computes from its clocks).
     */
    private static final Set<TicketQuery.Sort> KEYS_READ_FROM_THE_ROW =
            EnumSet.of(TicketQuery.Sort.CREATED_AT, TicketQuery.Sort.UPDATED_AT, TicketQuery.Sort.PRIORITY);

    private final JdbcClient jdbc;
    private final Dialect dialect;

    SortedPages(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * The first {@code limit + 1} tickets of {@code select} under {@code conditions} (a fresh
     * clause at each call, with the filters and the keyset position), in the query's order.
     */
    List<Ticket> page(String select, Supplier<Where> conditions, TicketQuery query, RowMapper<Ticket> rows) {
        int wanted = query.limit() + 1;
        if (!dialect.ordersTiesByIdInTheService() || !KEYS_READ_FROM_THE_ROW.contains(query.sort())) {
            return read(select, conditions.get(), query.orderBy(), wanted, rows);
        }
        List<Ticket> page = read(select, conditions.get(), query.orderByKeys(), wanted, rows);
        Comparator<Ticket> order = order(query);
        if (page.size() < wanted) {
            // Every match is here, each group of ties whole.
            page.sort(order);
            return page;
        }
        Ticket last = page.get(page.size() - 1);
        int whole = page.size() - 1;
        while (whole > 0 && sameKeys(query.sort(), page.get(whole - 1), last)) {
            whole--;
        }
        var result = new ArrayList<>(page.subList(0, whole));
        result.sort(order);
        Where tied = conditions.get();
        tied.and(query.sort().columns.get(0) + " = ?", query.sort().keyOf(last));
        if (query.sort().columns.size() > 1) {
            tied.and(query.sort().columns.get(1) + " = ?", query.sort().secondKeyOf(last));
        }
        result.addAll(
                read(select, tied, " ORDER BY id" + (query.descending() ? " DESC" : " ASC"), wanted - whole, rows));
        return result;
    }

    private List<Ticket> read(String select, Where where, String orderBy, int limit, RowMapper<Ticket> rows) {
        var args = new ArrayList<>(where.args());
        args.add(limit);
        return new ArrayList<>(jdbc.sql(select + where.sql() + orderBy + " LIMIT ?")
                .params(args)
                .query(rows)
                .list());
    }

    static int asText(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static boolean sameKeys(TicketQuery.Sort sort, Ticket a, Ticket b) {
        return sort.keyOf(a) == sort.keyOf(b) && sort.secondKeyOf(a) == sort.secondKeyOf(b);
    }

    /**
     * The order SQL gives with the id: keys, then the id's text, all in the query's direction. The
     * text of a UUID is its two halves in lowercase hex, fixed width, so comparing the halves as
     * unsigned numbers orders as the text does, without making the text of each id at each
     * comparison (2% of the CPU of the harness's filtered list).
     */
    private static Comparator<Ticket> order(TicketQuery query) {
        TicketQuery.Sort sort = query.sort();
        Comparator<Ticket> ascending = Comparator.<Ticket>comparingLong(sort::keyOf)
                .thenComparingLong(sort::secondKeyOf)
                .thenComparing(Ticket::id, SortedPages::asText);
        return query.descending() ? ascending.reversed() : ascending;
    }
}
