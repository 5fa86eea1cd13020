package org.supportdesk.security;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Base of the access tests: a key of each kind, made once, and the API called with it. No
 * configuration of its own, so its tests share {@link ApiTest}'s server.
 */
abstract class AccessTest extends ApiTest {

    enum Caller {
        NO_KEY,
        WRONG_KEY,
        REVOKED_KEY,
        VIEWER,
        AGENT,
        ADMIN
    }

    static final Map<Caller, String> SECRETS = new EnumMap<>(Caller.class);

    @BeforeEach
    void keys() {
        if (SECRETS.isEmpty()) {
            SECRETS.put(Caller.WRONG_KEY, "sd_" + "x".repeat(43));
            SECRETS.put(Caller.REVOKED_KEY, SecurityFixtures.revokedSecret(api));
            SECRETS.put(Caller.VIEWER, SecurityFixtures.secretOf(api, "viewer"));
            SECRETS.put(Caller.AGENT, SecurityFixtures.secretOf(api, "agent"));
            SECRETS.put(Caller.ADMIN, SecurityFixtures.secretOf(api, "admin"));
        }
    }

    Api as(Caller caller) {
        return api.withKey(SECRETS.get(caller));
    }
}
