package org.supportdesk.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.DomainEvent;

/**
 * Tells whoever listens (the webhooks' outbox) what happened to a ticket, from inside the
 * transaction of the change, so that a rolled-back change is never told. Called where the change
 * log is written: creation by the API (an import says `import.finished` instead of a creation per
 * row), updates, classifications and deletions; an update that makes an SLA target overdue is
 * followed by its `sla.breached` (SlaAnnouncements).
 */
@Component
class TicketEvents {

    static final String CREATED = "ticket.created";
    static final String UPDATED = "ticket.updated";
    static final String CLASSIFIED = "ticket.classified";
    static final String DELETED = "ticket.deleted";

    private final ApplicationEventPublisher publisher;
    private final SlaAnnouncements sla;

    TicketEvents(ApplicationEventPublisher publisher, SlaAnnouncements sla) {
        this.publisher = publisher;
        this.sla = sla;
    }

    void created(Ticket t, Actor actor) {
        publish(CREATED, t, null, actor, t.createdAt());
    }

    /** A change of {@code fields} (the API's names) by a person, or a classification run. */
    void updated(String type, Ticket before, Ticket t, Collection<String> fields, Actor actor) {
        publish(type, t, fields, actor, t.updatedAt());
        sla.afterWrite(before, t);
    }

    /** The ticket as it was before it was deleted, at {@code at}. */
    void deleted(Ticket before, Actor actor, Instant at) {
        publish(DELETED, before, null, actor, at);
    }

    private void publish(String type, Ticket t, Collection<String> fields, Actor actor, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticket", t);
        if (fields != null) {
            data.put("changed_fields", List.copyOf(fields));
        }
        publisher.publishEvent(new DomainEvent(type, t.id(), at, actor.name(), data));
    }
}
