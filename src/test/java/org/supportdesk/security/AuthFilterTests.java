package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuthFilterTests {

    private static final SecuritySettings SETTINGS = new SecuritySettings(
            true,
            null,
            Duration.ofSeconds(10),
            new SecuritySettings.RateLimit(true, Duration.ofMinutes(1), 100, 100, 10, 2, 100),
            new SecuritySettings.Cors(List.of()));

    private static AuthFilter filter(ApiKeys store) {
        var keys = new ApiKeyService(store, null, Clock.systemUTC(), SETTINGS);
        return new AuthFilter(
                keys, new RateLimits(SETTINGS.rateLimit(), TimeMeter.SYSTEM_NANOTIME), SETTINGS, MetricsToken.NONE);
    }

    @Test
    void aKeyLookupWhileTheDatabaseIsAwayIs503LikeEveryOtherRequest() throws Exception {
        var filter = filter(new ApiKeys(null) {
            @Override
            Optional<ApiKey> findByHash(String hash) {
                throw new CannotGetJdbcConnectionException("database away");
            }
        });
        var request = new MockHttpServletRequest("GET", "/tickets");
        request.addHeader("Authorization", "Bearer " + ApiKeyService.newSecret());
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).isEqualTo("{\"detail\":\"Database unavailable, please retry\"}");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void theKeyIsTakenFromBearerOrXApiKeyAndNothingElse() {
        var bearer = new MockHttpServletRequest();
        bearer.addHeader("Authorization", "Bearer  sd_abc ");
        var header = new MockHttpServletRequest();
        header.addHeader("X-API-Key", "sd_def");
        var basic = new MockHttpServletRequest();
        basic.addHeader("Authorization", "Basic c2Q6eA==");
        var empty = new MockHttpServletRequest();
        empty.addHeader("Authorization", "Bearer ");
        var huge = new MockHttpServletRequest();
        huge.addHeader("X-API-Key", "x".repeat(300));

        assertThat(AuthFilter.secret(bearer)).isEqualTo("sd_abc");
        assertThat(AuthFilter.secret(header)).isEqualTo("sd_def");
        assertThat(AuthFilter.secret(basic)).isNull();
        assertThat(AuthFilter.secret(empty)).isNull();
        assertThat(AuthFilter.secret(huge)).isNull();
    }
}
