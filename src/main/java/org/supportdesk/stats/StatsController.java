package org.supportdesk.stats;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.Labelled;
import org.supportdesk.tickets.Priority;
import org.supportdesk.tickets.Status;
import org.supportdesk.tickets.TicketFilter;

@RestController
class StatsController {

    private final JdbcClient jdbc;

    StatsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stats(long total, Map<String, Long> byCategory, Map<String, Long> byPriority, Map<String, Long> byStatus) {}

    @Operation(summary = "Counts by category, priority and status; every value present, zero included")
    @GetMapping("/tickets/stats")
    Stats stats(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String status,
            @RequestParam(name = "assigned_to", required = false) String assignedTo,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(required = false) String tag,
            @RequestParam(name = "created_after", required = false) String createdAfter,
            @RequestParam(name = "created_before", required = false) String createdBefore) {
        TicketFilter filter = TicketFilter.parse(
                category, priority, status, assignedTo, customerId, tag, createdAfter, createdBefore);
        // The counts table, kept as tickets are written, answers in constant time when only its
        // columns are filtered; other filters count the matching rows.
        var sql = new StringBuilder();
        var args = new ArrayList<>();
        if (filter.onlyCountedColumns()) {
            sql.append("SELECT category, priority, status, n FROM ticket_counts");
            filter.appendCountsWhere(sql, args);
        } else {
            sql.append("SELECT category, priority, status, COUNT(*) AS n FROM tickets");
            filter.appendWhere(sql, args);
            sql.append(" GROUP BY category, priority, status");
        }
        var byCategory = zeros(Category.values());
        var byPriority = zeros(Priority.values());
        var byStatus = zeros(Status.values());
        long[] total = {0};
        jdbc.sql(sql.toString()).params(args).query(rs -> {
            long n = rs.getLong("n");
            total[0] += n;
            byCategory.merge(rs.getString("category"), n, Long::sum);
            byPriority.merge(rs.getString("priority"), n, Long::sum);
            byStatus.merge(rs.getString("status"), n, Long::sum);
        });
        return new Stats(total[0], byCategory, byPriority, byStatus);
    }

    private static Map<String, Long> zeros(Labelled[] values) {
        var map = new LinkedHashMap<String, Long>();
        for (Labelled v : values) {
            map.put(v.value(), 0L);
        }
        return map;
    }
}
