package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;

/** CORS when origins are configured: preflights answered without a key, other origins refused. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "supportdesk.cors.allowed-origins=https://desk.example.com, https://ops.example.com")
class CorsTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("supportdesk-cors");
        registry.add("supportdesk.data-dir", dir::toString);
        registry.add("supportdesk.admin-key", () -> Api.ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAKey() {
        Api.Response preflight = new Api(port, null)
                .send(
                        "OPTIONS",
                        "/tickets",
                        null,
                        null,
                        Map.of(
                                "Origin", "https://ops.example.com",
                                "Access-Control-Request-Method", "POST",
                                "Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }

    @Test
    void anAllowedOriginStillNeedsAKeyAndSeesTheExposedHeaders() {
        var origin = Map.of("Origin", "https://desk.example.com");

        Api.Response withKey = new Api(port).send("GET", "/tickets?limit=1", null, null, origin);
        Api.Response withoutKey = new Api(port, null).send("GET", "/tickets?limit=1", null, null, origin);

        assertThat(withKey.status()).isEqualTo(200);
        assertThat(withKey.header("Access-Control-Allow-Origin")).isEqualTo("https://desk.example.com");
        assertThat(withKey.header("Access-Control-Expose-Headers")).contains("ETag");
        assertThat(withoutKey.status()).isEqualTo(401);
    }

    @Test
    void anotherOriginIsRefusedWithAJsonDetailAndTheSecurityHeaders() {
        Api.Response other =
                new Api(port).send("GET", "/tickets?limit=1", null, null, Map.of("Origin", "https://evil.example"));
        Api.Response preflight = new Api(port, null)
                .send(
                        "OPTIONS",
                        "/tickets",
                        null,
                        null,
                        Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));

        assertThat(List.of(other, preflight)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().get("detail").asString()).startsWith("Cross-origin request refused");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        });
    }
}
