package org.supportdesk.stats;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.supportdesk.tickets.TicketCounts;

/**
 * `supportdesk_tickets{status=...}`: how many tickets are in each status, from the counts that
 * stats use (about 120 rows, whatever the number of tickets). One scrape reads the gauges one after
 * the other, so one read serves them all: its answer is kept for a second.
 */
@Component
class TicketGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(TicketGauges.class);
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final TicketCounts tickets;
    private Map<String, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    TicketGauges(TicketCounts tickets) {
        this.tickets = tickets;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : TicketCounts.statuses()) {
            Gauge.builder("supportdesk.tickets", () -> count(status))
                    .description("Tickets by status")
                    .tag("status", status)
                    .register(registry);
        }
    }

    /** NaN while the database does not answer: a gap in the graph rather than a false zero. */
    synchronized double count(String status) {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            try {
                counts = tickets.byStatus();
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
}
