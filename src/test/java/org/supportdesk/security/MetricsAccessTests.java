package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** Who may scrape /metrics: admins, and Prometheus with the metrics token, which opens nothing else. */
class MetricsAccessTests extends ApiTest {

    @Test
    void noKeyIs401() {
        Api.Response r = api.withKey(null).get("/metrics");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).isEqualTo(AuthFilter.UNAUTHORIZED);
    }

    @Test
    void viewerAndAgentKeysAre403() {
        assertThat(api.withKey(SecurityFixtures.secretOf(api, "viewer"))
                        .get("/metrics")
                        .status())
                .isEqualTo(403);
        assertThat(api.withKey(SecurityFixtures.secretOf(api, "agent"))
                        .get("/metrics")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAdminKeyScrapes() {
        Api.Response r = api.withKey(SecurityFixtures.secretOf(api, "admin")).get("/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theMetricsTokenScrapesAsBearerOrXApiKey() {
        Api.Response bearer = api.withKey(Api.METRICS_TOKEN).get("/metrics");
        Api.Response header =
                api.withKey(null).send("GET", "/metrics", null, null, java.util.Map.of("X-API-Key", Api.METRICS_TOKEN));

        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.body()).contains("http_server_requests_seconds");
        assertThat(header.status()).isEqualTo(200);
    }

    @Test
    void theMetricsTokenOpensNothingElse() {
        Api token = api.withKey(Api.METRICS_TOKEN);

        assertThat(token.get("/tickets").status()).isEqualTo(401);
        assertThat(token.get("/api-keys").status()).isEqualTo(401);
        assertThat(token.post("/admin/backup", java.util.Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aWrongTokenIs401() {
        assertThat(api.withKey(Api.METRICS_TOKEN + "x").get("/metrics").status())
                .isEqualTo(401);
        assertThat(api.withKey(Api.METRICS_TOKEN.substring(1)).get("/metrics").status())
                .isEqualTo(401);
    }

    @Test
    void aShortTokenStopsTheStart() {
        assertThatThrownBy(() -> new MetricsToken("too-short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void theProbesNeedNoKey() {
        Api anonymous = api.withKey(null);

        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
    }
}
