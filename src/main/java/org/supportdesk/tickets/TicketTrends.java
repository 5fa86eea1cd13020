package org.supportdesk.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures (web/): open tickets from the counts table, tickets created and resolved
 * per day (UTC), the median first-response and resolution times, and how much the classifier decided and agents
 * overrode. Everything but the open counts reads a recent window through the indexes on
 * created_at and resolved_at, so its cost follows the window, not the size of the store.
 */
@Component
public class TicketTrends {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final JdbcClient jdbc;
    private final TicketCounts counts;

    TicketTrends(JdbcClient jdbc, TicketCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** Open tickets (new, in progress, waiting for the customer) per status, category and priority. */
    public TicketCounts.Stats open() {
        TicketCounts.Stats all = counts.count(TicketFilter.NONE);
        var byCategory = zeros(Category.values());
        var byPriority = zeros(Priority.values());
        var byStatus = new LinkedHashMap<String, Long>();
        long total = 0;
        for (Status status : Status.values()) {
            if (status == Status.RESOLVED || status == Status.CLOSED) {
                continue;
            }
            TicketCounts.Stats one =
                    counts.count(new TicketFilter(null, null, status, null, null, null, null, null, null, null));
            one.byCategory().forEach((k, v) -> byCategory.merge(k, v, Long::sum));
            one.byPriority().forEach((k, v) -> byPriority.merge(k, v, Long::sum));
            byStatus.put(status.value(), all.byStatus().get(status.value()));
            total += one.total();
        }
        // Resolved and closed tickets have no clock running, so every breach and due ticket is open.
        return new TicketCounts.Stats(total, byCategory, byPriority, byStatus, all.sla());
    }

    /** Tickets created and resolved on each of the {@code days} days up to today (UTC), oldest first. */
    public record Day(LocalDate date, long created, long resolved) {}

    public java.util.List<Day> perDay(Instant now, int days) {
        long today = Math.floorDiv(now.toEpochMilli(), DAY);
        long first = today - days + 1;
        Map<Long, Long> created = perDay("created_at", first * DAY);
        Map<Long, Long> resolved = perDay("resolved_at", first * DAY);
        var out = new java.util.ArrayList<Day>(days);
        for (long d = first; d <= today; d++) {
            out.add(new Day(LocalDate.ofEpochDay(d), created.getOrDefault(d, 0L), resolved.getOrDefault(d, 0L)));
        }
        return out;
    }

    private Map<Long, Long> perDay(String column, long from) {
        var out = new LinkedHashMap<Long, Long>();
        jdbc.sql("SELECT " + column + " / " + DAY + " AS day, COUNT(*) AS n FROM tickets WHERE " + column
                        + " >= ? GROUP BY " + column + " / " + DAY)
                .param(from)
                .query(rs -> {
                    out.put(rs.getLong("day"), rs.getLong("n"));
                });
        return out;
    }

    /** The median time from creation to resolution of the tickets resolved since {@code from}, or null. */
    public Duration medianResolution(Instant from) {
        return median("resolved_at", from);
    }

    /** The median time from creation to the first public answer of an agent, of the tickets answered since {@code from}, or null. */
    public Duration medianFirstResponse(Instant from) {
        return median("first_response_at", from);
    }

    /** {@code column} is one of the two above: never a caller's text. */
    private Duration median(String column, Instant from) {
        long n = jdbc.sql("SELECT COUNT(*) FROM tickets WHERE " + column + " >= ?")
                .param(from.toEpochMilli())
                .query(Long.class)
                .single();
        if (n == 0) {
            return null;
        }
        long millis = jdbc.sql("SELECT " + column + " - created_at AS d FROM tickets WHERE " + column + " >= ?"
                        + " ORDER BY d LIMIT 1 OFFSET ?")
                .params(from.toEpochMilli(), (n - 1) / 2)
                .query(Long.class)
                .single();
        return Duration.ofMillis(millis);
    }

    /**
     * Of the tickets created since then: how many there are, whose category and priority the
     * classifier decided, how many it classified, and of those how many a person then set to
     * something else than the classifier's last decision (an override).
     */
    public record Triage(
            long tickets, long categoryByClassifier, long priorityByClassifier, long classified, long overridden) {}

    public Triage triage(Instant from) {
        // The classification column is the JSON TicketJson writes ({"category":"...","priority":"...",...}).
        return jdbc.sql("SELECT COUNT(*) AS total,"
                        + " SUM(CASE WHEN category_by = 'classifier' THEN 1 ELSE 0 END) AS category_auto,"
                        + " SUM(CASE WHEN priority_by = 'classifier' THEN 1 ELSE 0 END) AS priority_auto,"
                        + " SUM(CASE WHEN classification IS NOT NULL THEN 1 ELSE 0 END) AS classified,"
                        + " SUM(CASE WHEN classification IS NOT NULL AND ("
                        + "(category_by = 'person' AND classification NOT LIKE '%\"category\":\"' || category || '\"%')"
                        + " OR (priority_by = 'person' AND classification NOT LIKE '%\"priority\":\"' || priority || '\"%'))"
                        + " THEN 1 ELSE 0 END) AS overridden"
                        + " FROM tickets WHERE created_at >= ?")
                .param(from.toEpochMilli())
                .query((rs, row) -> new Triage(
                        rs.getLong("total"),
                        rs.getLong("category_auto"),
                        rs.getLong("priority_auto"),
                        rs.getLong("classified"),
                        rs.getLong("overridden")))
                .single();
    }

    private static Map<String, Long> zeros(Labelled[] values) {
        var map = new LinkedHashMap<String, Long>();
        for (Labelled v : values) {
            map.put(v.value(), 0L);
        }
        return map;
    }
}
