package org.supportdesk.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j), in memory: one set per API key, and one per client address for
 * requests without a valid key. Each instance of the service keeps its own, so N instances behind
 * a load balancer let a key make up to N times the configured rate.
 */
class RateLimits {

    /** Which bucket a request draws from besides the general one. */
    enum Kind {
        GENERAL,
        IMPORT,
        CLASSIFY_ALL
    }

    private final SecuritySettings.RateLimit settings;
    private final TimeMeter time;
    private final ConcurrentHashMap<UUID, Buckets> byKey = new ConcurrentHashMap<>();
    private final Map<String, Buckets> byAddress;

    RateLimits(SecuritySettings.RateLimit settings, TimeMeter time) {
        this.settings = settings;
        this.time = time;
        check("per-key", settings.perKey());
        check("per-address", settings.perAddress());
        check("imports", settings.imports());
        check("classify-all", settings.classifyAll());
        int max = settings.maxAddresses();
        // Least recently seen addresses go first: memory stays bounded whoever calls.
        this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Buckets> eldest) {
                return size() > max;
            }
        };
    }

    /** A key's buckets, or (auth off) an address's with a key's limits. */
    private final class Buckets {
        final Bucket general;
        final Bucket imports;
        final Bucket classifyAll;

        Buckets(long general) {
            this.general = bucket(general);
            this.imports = bucket(settings.imports());
            this.classifyAll = bucket(settings.classifyAll());
        }

        Bucket of(Kind kind) {
            return switch (kind) {
                case GENERAL -> null;
                case IMPORT -> imports;
                case CLASSIFY_ALL -> classifyAll;
            };
        }
    }

    /** A limit Bucket4j cannot hold stops the start, not a request. */
    private void check(String name, long perPeriod) {
        if (perPeriod < 1 || perPeriod > settings.period().toNanos()) {
            throw new IllegalStateException("supportdesk.rate-limit." + name + " must be between 1 and one per"
                    + " nanosecond of supportdesk.rate-limit.period; to turn limits off, set"
                    + " supportdesk.rate-limit.enabled=false");
        }
    }

    private Bucket bucket(long perPeriod) {
        Duration period = settings.period();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perPeriod).refillGreedy(perPeriod, period))
                .withCustomTimePrecision(time)
                .build();
    }

    /** @return 0 when the key may go on, else the seconds to wait */
    long forKey(UUID key, Kind kind) {
        if (!settings.enabled()) {
            return 0;
        }
        return take(byKey.computeIfAbsent(key, k -> new Buckets(settings.perKey())), kind);
    }

    /**
     * For a request without a valid key ({@code authenticated} false: the address's small bucket),
     * or from anyone while authentication is off (the limits of a key, per address).
     *
     * @return 0 when it may go on, else the seconds to wait
     */
    long forAddress(String address, Kind kind, boolean asKey) {
        if (!settings.enabled()) {
            return 0;
        }
        String slot = (asKey ? "k:" : "a:") + address;
        Buckets buckets;
        synchronized (byAddress) {
            buckets = byAddress.computeIfAbsent(
                    slot, a -> new Buckets(asKey ? settings.perKey() : settings.perAddress()));
        }
        return take(buckets, kind);
    }

    /** Whether an address without a valid key has used up its bucket. */
    boolean addressExhausted(String address) {
        Buckets buckets;
        synchronized (byAddress) {
            buckets = byAddress.get("a:" + address);
        }
        return buckets != null && buckets.general.getAvailableTokens() <= 0;
    }

    void forget(UUID key) {
        byKey.remove(key);
    }

    int addressesRemembered() {
        synchronized (byAddress) {
            return byAddress.size();
        }
    }

    private static long take(Buckets buckets, Kind kind) {
        long wait = take(buckets.general);
        Bucket special = buckets.of(kind);
        return wait > 0 || special == null ? wait : take(special);
    }

    private static long take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }
}
