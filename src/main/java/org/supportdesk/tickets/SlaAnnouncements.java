package org.supportdesk.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;
import org.supportdesk.system.DomainEvent;

/**
 * Announces SLA breaches: publishes `sla.breached` once per ticket, target and due time, in the
 * transaction that claims it (SlaBreaches.claim), so the webhooks' outbox writes the event with
 * the claim or not at all. The breach check visits the tickets whose due times passed; a write
 * that changes a ticket's open targets visits it too, so a due time the write put in the past (a
 * higher priority, a reopened ticket) is announced with the write (docs/WEBHOOKS.md).
 */
@Component
class SlaAnnouncements {

    static final String BREACHED = "sla.breached";
    /** Due times older than this are never announced, and their claims are deleted. */
    static final Duration KEEP = Duration.ofDays(30);

    private final SlaBreaches breaches;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    SlaAnnouncements(SlaBreaches breaches, ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.breaches = breaches;
        this.publisher = publisher;
        this.meters = meters;
        // Registered up front: a dashboard shows zero rather than no data before the first breach.
        for (String target : new String[] {Sla.FIRST_RESPONSE, Sla.RESOLUTION}) {
            announced(target);
        }
    }

    /** `supportdesk_sla_breaches_announced_total{target}`: breaches announced by this instance. */
    private Counter announced(String target) {
        return meters.counter("supportdesk.sla.breaches.announced", "target", target);
    }

    /**
     * After a write, inside its transaction. Only a write that changed the open targets or their due
     * times: one that leaves an old breach as it was (a tag on an imported overdue ticket) is not
     * news.
     */
    void afterWrite(Ticket before, Ticket after) {
        if (!after.openTargets().equals(before.openTargets())) {
            visit(after, after.updatedAt());
        }
    }

    /**
     * Announces each open target of {@code t} overdue at {@code now} that is not yet announced, and
     * watches the ones due later. A ticket none of whose targets is overdue is left to the index of
     * `sla_due_at`, which shows it again when its earliest passes; once that one has passed the
     * index no longer can, hence the watch.
     */
    void visit(Ticket t, Instant now) {
        if (t.slaDueAt() >= now.toEpochMilli()) {
            return;
        }
        Instant oldest = now.minus(KEEP);
        for (Sla.Due due : t.openTargets()) {
            if (!due.at().isBefore(now)) {
                breaches.watch(t.id(), due.target(), due.at());
            } else if (!due.at().isBefore(oldest) && breaches.claim(t.id(), due.target(), due.at(), now)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("ticket", t);
                data.put("target", due.target());
                data.put("due_at", due.at());
                // No one's doing: the clock passed the due time.
                publisher.publishEvent(new DomainEvent(BREACHED, t.id(), now, null, data));
                // Counted once the claim is committed: a rolled-back claim announced nothing.
                Counter counter = announced(due.target());
                Database.afterCommit(counter::increment);
            }
        }
    }
}
