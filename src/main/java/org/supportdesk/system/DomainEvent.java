package org.supportdesk.system;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened that other systems may want to hear about, published by the feature
 * where it happened (Spring's ApplicationEventPublisher) inside the transaction that made it, so
 * that whoever records it (the webhooks' outbox) commits or rolls back with the change itself.
 * Listeners run on the publishing thread, in that transaction.
 *
 * @param type the wire name, e.g. {@code ticket.updated}; listeners ignore types they do not know
 * @param ticketId the ticket it is about, which orders a ticket's events; null when about none
 * @param actor who did it, by name (history's `actor`)
 * @param data what a receiver gets besides id, type and time, keyed by the body's names
 *     (`ticket` as the API shows it, `changed_fields`, ...), in the order they are to appear
 */
public record DomainEvent(String type, UUID ticketId, Instant at, String actor, Map<String, Object> data) {}
