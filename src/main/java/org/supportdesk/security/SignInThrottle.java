package org.supportdesk.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins (and failed admin keys on the setup page) are counted per email and per client
 * address in token buckets: {@value #PER_EMAIL} failures per email and {@value #PER_ADDRESS} per
 * address, refilled over {@link #PERIOD}. While a bucket is empty every attempt is refused before
 * the password is looked at, so guessing runs at the refill rate. In memory, per instance (as the
 * API's rate limits): N instances let N times as many guesses through.
 */
class SignInThrottle {

    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 20;
    static final Duration PERIOD = Duration.ofMinutes(15);
    private static final int REMEMBERED = 10_000;

    private final TimeMeter time;
    private final Map<String, Bucket> byEmail = lru();
    private final Map<String, Bucket> byAddress = lru();

    SignInThrottle(TimeMeter time) {
        this.time = time;
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    /** Seconds to wait before another attempt, or 0 when one may be made now. */
    synchronized long waitSeconds(String email, String address) {
        long nanos = Math.max(
                wait(byEmail, key(email), PER_EMAIL), wait(byAddress, address == null ? "-" : address, PER_ADDRESS));
        return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
    }

    synchronized void failed(String email, String address) {
        bucket(byEmail, key(email), PER_EMAIL).tryConsume(1);
        bucket(byAddress, address == null ? "-" : address, PER_ADDRESS).tryConsume(1);
    }

    private long wait(Map<String, Bucket> buckets, String key, int limit) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int limit) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit)
                                .refillGreedy(limit, PERIOD)
                                .build())
                        .withCustomTimePrecision(time)
                        .build());
    }

    private static String key(String email) {
        return AgentInput.normal(email);
    }
}
