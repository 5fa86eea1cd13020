package org.supportdesk.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Database;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/** Registering, changing and removing webhooks; their delivery log and redeliveries. */
@Service
class WebhookService {

    /** Each event is written once per subscribed webhook, in the change's transaction: a bound. */
    static final int MAX_WEBHOOKS = 100;

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final DeliveryLog log;
    private final Targets targets;
    private final Dispatcher dispatcher;
    private final Database db;
    private final Clock clock;

    WebhookService(
            Webhooks webhooks,
            Deliveries deliveries,
            DeliveryLog log,
            Targets targets,
            Dispatcher dispatcher,
            Database db,
            Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.log = log;
        this.targets = targets;
        this.dispatcher = dispatcher;
        this.db = db;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Webhook.Registered register(WebhookInput in) {
        String url = checkedUrl(in.url());
        String secret = in.secret() != null ? in.secret() : Signature.newSecret();
        boolean enabled = in.enabled() == null || in.enabled();
        Instant now = now();
        var webhook = new Webhook(UUID.randomUUID(), url, in.events(), enabled, null, now, now);
        db.write(() -> {
            if (webhooks.count() >= MAX_WEBHOOKS) {
                throw new InvalidRequest(Problem.body(
                        "At most " + MAX_WEBHOOKS + " webhooks can be registered; delete one first",
                        "too_many",
                        "url"));
            }
            webhooks.insert(webhook, secret);
            return null;
        });
        return Webhook.Registered.of(webhook, secret);
    }

    List<Webhook> list() {
        return webhooks.all();
    }

    Webhook get(UUID id) {
        return webhooks.find(id).orElseThrow(() -> new WebhookNotFound("Webhook"));
    }

    /** Changes what the patch gives; enabling clears the reason it was disabled for. */
    Webhook update(UUID id, WebhookInput in) {
        String url = in.url() == null ? null : checkedUrl(in.url());
        Webhook changed = db.write(() -> {
            Webhook w = webhooks.findForUpdate(id).orElseThrow(() -> new WebhookNotFound("Webhook"));
            boolean enabled = in.enabled() == null ? w.enabled() : in.enabled();
            String reason = enabled ? null : in.enabled() != null ? "Disabled through the API" : w.disabledReason();
            var next = new Webhook(
                    id,
                    url == null ? w.url() : url,
                    in.events() == null ? w.events() : in.events(),
                    enabled,
                    reason,
                    w.createdAt(),
                    now());
            webhooks.update(next, in.secret());
            return next;
        });
        if (changed.enabled()) {
            dispatcher.wake();
        }
        return changed;
    }

    void delete(UUID id) {
        if (!db.write(() -> webhooks.delete(id))) {
            throw new WebhookNotFound("Webhook");
        }
    }

    List<DeliveryLog.Logged> deliveries(UUID id, int limit) {
        get(id);
        return log.latest(id, limit);
    }

    /** A redelivery: a new delivery of the same event, after the webhook's pending ones for its ticket. */
    record Redelivery(UUID id, UUID eventId, String state) {}

    Redelivery redeliver(UUID webhookId, UUID deliveryId) {
        Redelivery redelivery = db.write(() -> {
            get(webhookId);
            UUID event = log.eventOf(webhookId, deliveryId).orElseThrow(() -> new WebhookNotFound("Delivery"));
            UUID id = deliveries.add(webhookId.toString(), event, log.ticketOf(deliveryId), now());
            return new Redelivery(id, event, Deliveries.PENDING);
        });
        dispatcher.wake();
        return redelivery;
    }

    /** The URL, parsed, of a form the service sends to and to an address it may send to. */
    private String checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidRequest(Problem.body("URL is not valid: " + e.getReason(), "url_parsing", "url"));
        }
        String problem = Targets.formProblem(uri);
        if (problem != null) {
            throw new InvalidRequest(Problem.body(problem, "url_scheme", "url"));
        }
        try {
            targets.check(uri);
        } catch (Targets.Refused e) {
            throw new InvalidRequest(Problem.body(e.getMessage(), "url_refused", "url"));
        }
        return uri.toString();
    }
}
