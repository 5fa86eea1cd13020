package org.supportdesk.security;

import java.time.Instant;
import java.util.UUID;

/** A stored API key as `GET /api-keys` lists it: never its secret. */
record ApiKey(UUID id, String name, Role role, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    boolean active() {
        return revokedAt == null;
    }

    ApiKey usedAt(Instant at) {
        return new ApiKey(id, name, role, createdAt, revokedAt, at);
    }

    /** The answer to `POST /api-keys`: the only time {@code key} is shown. */
    record Created(UUID id, String name, Role role, String key, Instant createdAt) {}
}
