package org.supportdesk.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered webhook as the API shows it: never its secret. */
record Webhook(
        UUID id,
        String url,
        List<String> events,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The answer to `POST /webhooks`: the webhook and its secret, shown this once. */
    record Registered(
            UUID id,
            String url,
            List<String> events,
            boolean enabled,
            String disabledReason,
            Instant createdAt,
            Instant updatedAt,
            String secret) {

        static Registered of(Webhook w, String secret) {
            return new Registered(
                    w.id(), w.url(), w.events(), w.enabled(), w.disabledReason(), w.createdAt(), w.updatedAt(), secret);
        }
    }
}
