package org.supportdesk.security;

import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import java.util.UUID;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/** Keys and tickets for the security tests, made through the API with the admin key. */
final class SecurityFixtures {

    private SecurityFixtures() {}

    /** A new key's JSON, secret included. */
    static JsonNode newKey(Api admin, String role) {
        Api.Response r = admin.post("/api-keys", Map.of("name", role + "-" + UUID.randomUUID(), "role", role));
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create a key: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    static String secretOf(Api admin, String role) {
        return newKey(admin, role).get("key").asString();
    }

    static String revokedSecret(Api admin) {
        JsonNode key = newKey(admin, "admin");
        Api.Response revoked = admin.delete("/api-keys/" + key.get("id").asString());
        if (revoked.status() != 204) {
            throw new IllegalStateException("Cannot revoke: " + revoked.status());
        }
        return key.get("key").asString();
    }

    static String ticketId(Api admin) {
        return admin.post("/tickets", aTicket().build()).json().get("id").asString();
    }
}
