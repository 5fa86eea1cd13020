package org.supportdesk.webhooks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The webhooks' meters: `supportdesk_webhook_deliveries_total{event, outcome}` per delivery that
 * ended (delivered, gave_up), `supportdesk_webhook_failures_total{event, reason}` per failed
 * attempt (http_status, timeout, connection, refused) and `supportdesk_webhooks_pending`, the
 * deliveries not yet done.
 */
@Component
class WebhookMeters {

    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry, Deliveries deliveries) {
        this.registry = registry;
        // Registered up front: a dashboard shows zero rather than no data before the first one.
        for (EventType type : EventType.values()) {
            for (String outcome : new String[] {"delivered", "gave_up"}) {
                registry.counter("supportdesk.webhook.deliveries", "event", type.wire(), "outcome", outcome);
            }
            for (Sender.Outcome reason : Sender.Outcome.values()) {
                if (reason != Sender.Outcome.DELIVERED) {
                    registry.counter("supportdesk.webhook.failures", "event", type.wire(), "reason", reason.tag());
                }
            }
        }
        Gauge.builder("supportdesk.webhooks.pending", deliveries, d -> d.pending())
                .register(registry);
    }

    void attempted(String event, Sender.Outcome outcome) {
        if (outcome == Sender.Outcome.DELIVERED) {
            registry.counter("supportdesk.webhook.deliveries", "event", event, "outcome", "delivered")
                    .increment();
        } else {
            registry.counter("supportdesk.webhook.failures", "event", event, "reason", outcome.tag())
                    .increment();
        }
    }

    void gaveUp(String event) {
        registry.counter("supportdesk.webhook.deliveries", "event", event, "outcome", "gave_up")
                .increment();
    }
}
