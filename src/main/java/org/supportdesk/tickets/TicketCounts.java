package org.supportdesk.tickets;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.sla.SlaPolicy;

/**
 * How many tickets there are per category, priority and status, and how their SLA targets fare:
 * the stats feature's door into tickets. The counts table, kept in step with every write (by
 * triggers; on SQLite new tickets by {@link NewTickets}, see Dialect), also groups by the outcome
 * of each SLA target, so it answers in constant time when only its columns are filtered; other
 * filters count the matching rows. What is overdue or due soon depends on the clock: it is counted
 * on the index of `sla_due_at` at each request.
 */
@Component
public class TicketCounts {

    private static final String GROUPS = "category, priority, status, first_response_outcome, resolution_outcome";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlaPolicy policy;
    private final SearchSql search;

    TicketCounts(JdbcClient jdbc, Clock clock, SlaPolicy policy, SearchSql search) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.search = search;
    }

    /** Every value of each field is present, zero included. (Its name is the OpenAPI schema's.) */
    public record Stats(
            long total,
            Map<String, Long> byCategory,
            Map<String, Long> byPriority,
            Map<String, Long> byStatus,
            SlaCounts sla) {}

    /**
     * `breached` and `due_soon` count tickets as the list filters `sla=breached` and
     * `sla=due_soon` find them now; each target counts the tickets whose target is decided: met in
     * time (`achieved`) or not (`missed`).
     */
    public record SlaCounts(long breached, long dueSoon, Outcomes firstResponse, Outcomes resolution) {}

    public record Outcomes(long achieved, long missed) {}

    /**
     * How many tickets match filters on the counted columns only ({@link
     * TicketFilter#onlyCountedColumns}): the sum of the counts table's rows, exact (written in the
     * transaction of each change) and as cheap over a million tickets as over ten.
     */
    long total(TicketFilter filter) {
        var where = new Where();
        filter.addCountsTo(where);
        return jdbc.sql("SELECT COALESCE(SUM(n), 0) FROM ticket_counts" + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
    }

    public Stats count(TicketFilter filter) {
        var where = new Where();
        String sql;
        if (filter.onlyCountedColumns()) {
            filter.addCountsTo(where);
            sql = "SELECT " + GROUPS + ", n FROM ticket_counts" + where.sql();
        } else {
            filter.addTo(where, search);
            sql = "SELECT " + GROUPS + ", COUNT(*) AS n FROM tickets" + where.sql() + " GROUP BY " + GROUPS;
        }
        var byCategory = zeros(Category.values());
        var byPriority = zeros(Priority.values());
        var byStatus = zeros(Status.values());
        long[] counts = new long[1 + 2 * 3];
        jdbc.sql(sql).params(where.args()).query(rs -> {
            long n = rs.getLong("n");
            counts[0] += n;
            byCategory.merge(rs.getString("category"), n, Long::sum);
            byPriority.merge(rs.getString("priority"), n, Long::sum);
            byStatus.merge(rs.getString("status"), n, Long::sum);
            counts[1 + rs.getInt("first_response_outcome")] += n;
            counts[4 + rs.getInt("resolution_outcome")] += n;
        });
        var now = clock.instant();
        var sla = new SlaCounts(
                countDue(filter, SlaCondition.of(SlaCondition.Kind.BREACHED, now, policy.dueSoon())),
                countDue(filter, SlaCondition.of(SlaCondition.Kind.DUE_SOON, now, policy.dueSoon())),
                new Outcomes(counts[1 + Sla.ACHIEVED], counts[1 + Sla.MISSED]),
                new Outcomes(counts[4 + Sla.ACHIEVED], counts[4 + Sla.MISSED]));
        return new Stats(counts[0], byCategory, byPriority, byStatus, sla);
    }

    private long countDue(TicketFilter filter, SlaCondition due) {
        var where = new Where();
        filter.addTo(where, search);
        due.addTo(where);
        return jdbc.sql("SELECT COUNT(*) FROM tickets" + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
    }

    /**
     * Tickets per status (every status present), for the metrics' gauges: the counts table alone,
     * without the SLA counts that {@link #count} adds.
     */
    public Map<String, Long> byStatus() {
        var byStatus = zeros(Status.values());
        jdbc.sql("SELECT status, SUM(n) AS n FROM ticket_counts GROUP BY status")
                .query(rs -> {
                    byStatus.merge(rs.getString("status"), rs.getLong("n"), Long::sum);
                });
        return byStatus;
    }

    /** Tickets overdue now (as `sla=breached` finds them), for the metrics' gauge. */
    public long breachedNow() {
        return countDue(
                TicketFilter.NONE, SlaCondition.of(SlaCondition.Kind.BREACHED, clock.instant(), policy.dueSoon()));
    }

    /** The statuses' labels, in their order. */
    public static List<String> statuses() {
        return java.util.Arrays.stream(Status.values()).map(Status::value).toList();
    }

    /** The group of the counts table a ticket is counted in: its columns, in order. */
    static List<Object> group(Ticket t) {
        return List.of(
                t.category().value(),
                t.priority().value(),
                t.status().value(),
                t.sla().firstResponseOutcome(t.firstResponseAt(), t.resolvedAt()),
                t.sla().resolutionOutcome(t.resolvedAt()));
    }

    /**
     * Moves updated tickets from the group each was counted in to the one it is counted in now,
     * where the service keeps the counts (Dialect.countsUpdatesInTheService): {@code before} and
     * {@code after} pair up by position, each an update that took effect.
     */
    void moved(List<Ticket> before, List<Ticket> after) {
        var changes = new HashMap<List<Object>, Integer>();
        for (int i = 0; i < before.size(); i++) {
            List<Object> from = group(before.get(i));
            List<Object> to = group(after.get(i));
            if (!from.equals(to)) {
                changes.merge(from, -1, Integer::sum);
                changes.merge(to, 1, Integer::sum);
            }
        }
        changes.forEach((group, n) -> {
            if (n != 0) {
                add(group, n);
            }
        });
    }

    /** Adds {@code n} tickets (fewer when negative) to a group of the counts table; see Dialect. */
    void add(List<Object> group, int n) {
        jdbc.sql("UPDATE ticket_counts SET n = n + ? WHERE category = ? AND priority = ? AND status = ?"
                        + " AND first_response_outcome = ? AND resolution_outcome = ?")
                .params(n, group.get(0), group.get(1), group.get(2), group.get(3), group.get(4))
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
