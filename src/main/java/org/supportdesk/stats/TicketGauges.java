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
 * stats use (about 120 rows, whatever the number of tickets); `supportdesk_sla_breached`: how many
 * are overdue now, counted on the index of the next due time. One scrape reads the gauges one after
 * the other, so one read serves them all: its answer is kept for a second.
 */
@Component
class TicketGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(TicketGauges.class);
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final TicketCounts tickets;
    private Map<String, Long> counts = Map.of();
    private long breached = -1;
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
        Gauge.builder("supportdesk.sla.breached", this::breached)
                .description("Tickets whose next SLA target is overdue now")
                .register(registry);
    }

    synchronized double breached() {
        refresh();
        return breached < 0 ? Double.NaN : breached;
    }

    /** NaN while the database does not answer: a gap in the graph rather than a false zero. */
    synchronized double count(String status) {
        refresh();
        Long n = counts.get(status);
        return n == null ? Double.NaN : n;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            try {
                counts = tickets.byStatus();
                breached = tickets.breachedNow();
            } catch (DataAccessException e) {
                log.debug("Ticket counts not read for the metrics: {}", e.toString());
                counts = Map.of();
                breached = -1;
            }
            read = true;
            readAt = now;
        }
    }
}
