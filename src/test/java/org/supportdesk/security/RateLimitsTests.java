package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    private final ManualTime time = new ManualTime();

    private RateLimits limits(long perKey, long perAddress, int maxAddresses) {
        return new RateLimits(
                new SecuritySettings.RateLimit(true, Duration.ofMinutes(1), perKey, perAddress, 1, 1, maxAddresses),
                time);
    }

    @Test
    void waitIsTheTimeToTheNextTokenRoundedUpToASecond() {
        RateLimits limits = limits(7, 1, 10);
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            assertThat(limits.forKey(key, RateLimits.Kind.GENERAL)).isZero();
        }

        assertThat(limits.forKey(key, RateLimits.Kind.GENERAL)).isEqualTo(9); // 60 s / 7 = 8.6 s
        time.advance(Duration.ofMillis(8572));
        assertThat(limits.forKey(key, RateLimits.Kind.GENERAL)).isZero();
    }

    @Test
    void rememberedAddressesAreBounded() {
        RateLimits limits = limits(10, 1, 3);
        for (int i = 0; i < 100; i++) {
            limits.forAddress("10.0.0." + i, RateLimits.Kind.GENERAL, false);
        }

        assertThat(limits.addressesRemembered()).isEqualTo(3);
    }

    @Test
    void theLeastRecentlySeenAddressIsForgottenFirst() {
        RateLimits limits = limits(10, 1, 2);
        limits.forAddress("a", RateLimits.Kind.GENERAL, false);
        limits.forAddress("b", RateLimits.Kind.GENERAL, false);
        assertThat(limits.addressExhausted("a")).isTrue();

        limits.forAddress("c", RateLimits.Kind.GENERAL, false);

        assertThat(limits.addressExhausted("a")).isTrue();
        assertThat(limits.addressExhausted("b")).isFalse(); // forgotten: a fresh bucket next time
    }

    @Test
    void aLimitTheBucketsCannotHoldStopsTheStart() {
        assertThatThrownBy(() -> limits(0, 1, 10)).hasMessageContaining("supportdesk.rate-limit.per-key");
        assertThatThrownBy(() -> limits(10, Long.MAX_VALUE, 10))
                .hasMessageContaining("supportdesk.rate-limit.per-address");
    }

    @Test
    void disabledLimitsLetEverythingThrough() {
        var limits = new RateLimits(new SecuritySettings.RateLimit(false, Duration.ofMinutes(1), 1, 1, 1, 1, 10), time);
        UUID key = UUID.randomUUID();

        for (int i = 0; i < 5; i++) {
            assertThat(limits.forKey(key, RateLimits.Kind.IMPORT)).isZero();
            assertThat(limits.forAddress("a", RateLimits.Kind.GENERAL, false)).isZero();
        }
    }
}
