package org.supportdesk.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;
import org.supportdesk.system.DomainEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event the webhooks subscribe to into the outbox, with a delivery per subscribed
 * webhook, in the transaction of the change that published it (Spring calls this listener on the
 * publishing thread): a rolled-back change leaves no event, a committed one cannot be lost. The
 * body is written now, so a receiver sees the ticket as it was right after the change.
 */
@Component
class Outbox {

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Dispatcher dispatcher;

    Outbox(Webhooks webhooks, Deliveries deliveries, JsonMapper json, Dispatcher dispatcher) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.dispatcher = dispatcher;
    }

    // First among the listeners, so that one that fails the change after it is seen to take the
    // event back with it (WebhookDeliveryContentTests).
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(DomainEvent event) {
        Optional<EventType> type = EventType.of(event.type());
        if (type.isEmpty()) {
            return;
        }
        List<String> subscribers = webhooks.subscribers(type.get());
        if (subscribers.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", event.type());
        body.put("time", event.at());
        body.put("actor", event.actor());
        body.putAll(event.data());
        deliveries.addEvent(id, type.get(), event.at(), json.writeValueAsString(body));
        for (String webhook : subscribers) {
            deliveries.add(webhook, id, event.ticketId(), event.at());
        }
        Database.afterCommit(dispatcher::wake);
    }
}
