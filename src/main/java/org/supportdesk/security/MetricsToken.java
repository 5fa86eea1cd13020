package org.supportdesk.security;

import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Sha256;

/**
 * The token a Prometheus server may scrape `GET /metrics` with (`supportdesk.metrics.token`,
 * `SUPPORTDESK_METRICS_TOKEN`), so that it needs no admin key. It opens nothing else. Compared as
 * SHA-256 digests in constant time: neither its content nor its length leaks through timing.
 */
@Component
class MetricsToken {

    static final MetricsToken NONE = new MetricsToken("");
    static final int MIN_LENGTH = 32;

    private final byte[] digest;

    MetricsToken(@Value("${supportdesk.metrics.token:}") String token) {
        String trimmed = token == null ? "" : token.trim();
        if (trimmed.isEmpty()) {
            digest = null;
            return;
        }
        if (trimmed.length() < MIN_LENGTH || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException("supportdesk.metrics.token (SUPPORTDESK_METRICS_TOKEN) must be at least "
                    + MIN_LENGTH + " characters without spaces; generate one with `openssl rand -hex 32`");
        }
        digest = Sha256.of(trimmed);
    }

    /** True when a token is set and {@code secret} is it. */
    boolean matches(String secret) {
        return digest != null && secret != null && MessageDigest.isEqual(digest, Sha256.of(secret));
    }
}
