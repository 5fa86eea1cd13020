package org.supportdesk.tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many tickets there are per category, priority and status: the stats feature's door into
 * tickets. The counts table, kept in step with every write (by triggers; on SQLite new tickets by
 * {@link NewTickets}, see Dialect), answers in constant time when only its columns are filtered;
 * other filters count the matching rows.
 */
@Component
public class TicketCounts {

    private final JdbcClient jdbc;
    private final SearchSql search;

    TicketCounts(JdbcClient jdbc, SearchSql search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** Every value of each field is present, zero included. (Its name is the OpenAPI schema's.) */
    public record Stats(
            long total, Map<String, Long> byCategory, Map<String, Long> byPriority, Map<String, Long> byStatus) {}

    public Stats count(TicketFilter filter) {
        var where = new Where();
        String sql;
        if (filter.onlyCountedColumns()) {
            filter.addCountsTo(where);
            sql = "SELECT category, priority, status, n FROM ticket_counts" + where.sql();
        } else {
            filter.addTo(where, search);
            sql = "SELECT category, priority, status, COUNT(*) AS n FROM tickets" + where.sql()
                    + " GROUP BY category, priority, status";
        }
        var byCategory = zeros(Category.values());
        var byPriority = zeros(Priority.values());
        var byStatus = zeros(Status.values());
        long[] total = {0};
        jdbc.sql(sql).params(where.args()).query(rs -> {
            long n = rs.getLong("n");
            total[0] += n;
            byCategory.merge(rs.getString("category"), n, Long::sum);
            byPriority.merge(rs.getString("priority"), n, Long::sum);
            byStatus.merge(rs.getString("status"), n, Long::sum);
        });
        return new Stats(total[0], byCategory, byPriority, byStatus);
    }

    /** Tickets per status (every status present), for the metrics' gauges. */
    public Map<String, Long> byStatus() {
        return count(TicketFilter.NONE).byStatus();
    }

    /** The statuses' labels, in their order. */
    public static List<String> statuses() {
        return java.util.Arrays.stream(Status.values()).map(Status::value).toList();
    }

    /** Adds {@code n} new tickets to a (category, priority, status) group; see Dialect. */
    void addNew(List<String> group, int n) {
        jdbc.sql("UPDATE ticket_counts SET n = n + ? WHERE category = ? AND priority = ? AND status = ?")
                .params(n, group.get(0), group.get(1), group.get(2))
                .update();
    }

    private static Map<String, Long> zeros(Labelled[] values) {
        var map = new LinkedHashMap<String, Long>();
        for (Labelled v : values) {
            map.put(v.value(), 0L);
        }
        return map;
    }
}
