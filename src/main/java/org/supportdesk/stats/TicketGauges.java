package org.supportdesk.stats;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.tickets.Status;

/**
 * `supportdesk_tickets{status=...}`: how many tickets are in each status, read from the counts
 * table that stats use (about 120 rows, whatever the number of tickets). One scrape reads the
 * gauges one after the other, so one query serves them all: its answer is kept for a second.
 */
@Component
class TicketGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(TicketGauges.class);
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final JdbcClient jdbc;
    private Map<Status, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    TicketGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Status status : Status.values()) {
            Gauge.builder("supportdesk.tickets", () -> count(status))
                    .description("Tickets by status")
                    .tag("status", status.value())
                    .register(registry);
        }
    }

    /** NaN while the database does not answer: a gap in the graph rather than a false zero. */
    synchronized double count(Status status) {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            try {
                counts = readCounts();
            } catch (DataAccessException e) {
                log.debug("Ticket counts not read for the metrics: {}", e.toString());
                counts = Map.of();
            }
            read = true;
            readAt = now;
        }
        Long n = counts.get(status);
        return n == null ? Double.NaN : n;
    }

    private Map<Status, Long> readCounts() {
        var byStatus = new EnumMap<Status, Long>(Status.class);
        jdbc.sql("SELECT status, SUM(n) AS n FROM ticket_counts GROUP BY status")
                .query(rs -> {
                    Status status = Status.parse(rs.getString("status"));
                    if (status != null) {
                        byStatus.put(status, rs.getLong("n"));
                    }
                });
        for (Status status : Status.values()) {
            byStatus.putIfAbsent(status, 0L);
        }
        return byStatus;
    }
}
