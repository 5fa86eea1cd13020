package org.supportdesk.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security settings, under the same `supportdesk.` prefix as the rest (SupportdeskProperties);
 * the README lists them with their environment variables.
 *
 * @param auth `off` turns authentication off (a trusted network only); every caller is then
 *     "anonymous" with the rights of an admin
 * @param adminKey an admin key to register at start-up instead of generating one
 * @param keyCacheTtl how long a key looked up stays cached: the longest a revoke takes to reach
 *     other instances
 */
@ConfigurationProperties("supportdesk")
record SecuritySettings(
        @DefaultValue("on") boolean auth,
        String adminKey,
        @DefaultValue("10s") Duration keyCacheTtl,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors) {

    /**
     * Token buckets, each holding its limit and refilled at that rate over {@code period}.
     *
     * @param perKey requests per period for each key
     * @param perAddress requests per period for each client address without a valid key
     * @param imports imports per period for each key (also counted in {@code perKey})
     * @param classifyAll classify-all runs per period for each key
     * @param maxAddresses how many client addresses are remembered; the least recently seen go
     */
    record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") Duration period,
            @DefaultValue("1200") long perKey,
            @DefaultValue("60") long perAddress,
            @DefaultValue("10") long imports,
            @DefaultValue("2") long classifyAll,
            @DefaultValue("10000") int maxAddresses) {}

    /** Origins allowed to call from a browser; none (CORS off) by default. */
    record Cors(@DefaultValue List<String> allowedOrigins) {}
}
