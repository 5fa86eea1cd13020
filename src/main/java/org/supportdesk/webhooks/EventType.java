package org.supportdesk.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook can subscribe to, by their wire names. Features publish a {@link
 * org.supportdesk.system.DomainEvent} of the type's name in the transaction of the change (for
 * `sla.breached`, the transaction that claims the breach); the outbox records those whose type is
 * listed here. A new event is one line here once its feature publishes it.
 */
enum EventType {
    TICKET_CREATED("ticket.created"),
    TICKET_UPDATED("ticket.updated"),
    TICKET_CLASSIFIED("ticket.classified"),
    TICKET_DELETED("ticket.deleted"),
    IMPORT_FINISHED("import.finished"),
    COMMENT_CREATED("comment.created"),
    SLA_BREACHED("sla.breached");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    /** The names, for messages: 'ticket.created', 'ticket.updated', ... */
    static String names() {
        return String.join(
                ", ", Arrays.stream(values()).map(t -> "'" + t.wire + "'").toList());
    }
}
