package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.TestDatabase;

/**
 * Rate limits and the key cache, on a server whose clock the test moves: small buckets (3
 * requests a minute per key, 2 per address without a key, 1 import and 1 classify-all), no sleeps.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "supportdesk.rate-limit.period=1m",
            "supportdesk.rate-limit.per-key=3",
            "supportdesk.rate-limit.per-address=2",
            "supportdesk.rate-limit.imports=1",
            "supportdesk.rate-limit.classify-all=1",
            "supportdesk.key-cache-ttl=10s"
        })
@Tag(TestDatabase.BOTH)
class TimeBasedSecurityTests {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        ManualTime manualTime() {
            return new ManualTime();
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("supportdesk-clocked");
        registry.add("supportdesk.data-dir", dir::toString);
        registry.add("supportdesk.admin-key", () -> Api.ADMIN_KEY);
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ManualTime time;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeys store;

    private Api newKey(Role role) {
        return new Api(port, keys.create("clocked-" + UUID.randomUUID(), role).key());
    }

    @Test
    void aKeyThatFloodsGets429WithRetryAfterWhileAnotherKeyIsServed() {
        Api flooder = newKey(Role.VIEWER);
        Api other = newKey(Role.VIEWER);
        for (int i = 0; i < 3; i++) {
            assertThat(flooder.get("/tickets?limit=1").status()).isEqualTo(200);
        }

        Api.Response limited = flooder.get("/tickets?limit=1");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("20");
        assertThat(limited.json().get("detail").asString()).isEqualTo("Too many requests; retry in 20 s");
        assertThat(other.get("/tickets?limit=1").status()).isEqualTo(200);

        time.advance(Duration.ofSeconds(20));

        assertThat(flooder.get("/tickets?limit=1").status()).isEqualTo(200);
        assertThat(flooder.get("/tickets?limit=1").status()).isEqualTo(429);
    }

    @Test
    void requestsWithoutAValidKeyAreLimitedPerClientAddress() {
        Api nobody = new Api(port, null);
        Api wrong = new Api(port, "sd_" + "w".repeat(43));
        Api valid = newKey(Role.VIEWER);

        assertThat(nobody.get("/tickets").status()).isEqualTo(401);
        assertThat(wrong.get("/tickets").status()).isEqualTo(401);
        Api.Response limited = nobody.get("/tickets");
        Api.Response docs = nobody.get("/openapi.json");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("30");
        assertThat(wrong.get("/tickets").status()).isEqualTo(429);
        assertThat(docs.status()).isEqualTo(429);
        assertThat(nobody.get("/health").status()).isEqualTo(200);
        assertThat(valid.get("/tickets?limit=1").status()).isEqualTo(200);

        time.advance(Duration.ofSeconds(30));

        assertThat(nobody.get("/tickets").status()).isEqualTo(401);
        // Refill the address bucket for whatever runs next.
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void importsHaveTheirOwnLowerLimit() {
        Api admin = newKey(Role.ADMIN);
        byte[] csv =
                "customer_id,customer_email,customer_name,subject,description\nc,a@example.com,A,S,Ten chars and more\n"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(admin.sendBytes("POST", "/import/csv?dry_run=true", "text/csv", csv)
                        .status())
                .isEqualTo(200);
        Api.Response second = admin.sendBytes("POST", "/tickets/import?dry_run=true", "text/csv", csv);

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("60");
        assertThat(admin.get("/tickets?limit=1").status()).isEqualTo(200);
    }

    @Test
    void classifyAllHasItsOwnLowerLimit() {
        Api admin = newKey(Role.ADMIN);
        String nobody = "/tickets/classify-all?customer_id=nobody-" + UUID.randomUUID();

        assertThat(admin.post(nobody, Map.of()).status()).isEqualTo(200);
        assertThat(admin.post(nobody, Map.of()).status()).isEqualTo(429);
        assertThat(admin.get("/tickets?limit=1").status()).isEqualTo(200);
    }

    @Test
    void aKeyRevokedByAnotherInstanceStopsWorkingWithinTheCacheTtl() {
        ApiKey.Created created = keys.create("elsewhere", Role.VIEWER);
        Api holder = new Api(port, created.key());
        assertThat(holder.get("/tickets?limit=1").status()).isEqualTo(200);

        // Another instance revokes it: straight in the shared database, this instance's cache untouched.
        store.revoke(created.id(), Instant.now());

        assertThat(holder.get("/tickets?limit=1").status()).isEqualTo(200);
        time.advance(Duration.ofSeconds(10));
        assertThat(holder.get("/tickets?limit=1").status()).isEqualTo(401);
        time.advance(Duration.ofMinutes(1));
    }
}
