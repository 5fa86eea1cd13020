package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** The orchestrators' probes beside GET /health, and GET /health itself. */
class HealthProbesTests extends ApiTest {

    @Test
    void liveAndReadyAnswerWithoutAKey() {
        Api anonymous = api.withKey(null);

        Api.Response live = anonymous.get("/health/live");
        Api.Response ready = anonymous.get("/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asString()).isEqualTo("ok");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("ok");
        assertThat(ready.json().get("database").asString()).isEqualTo("up");
    }

    @Test
    void healthSaysHealthyWithTheVersionAndTheDatabase() {
        Api.Response health = api.withKey(null).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().size()).isEqualTo(3);
        assertThat(health.json().get("status").asString()).isEqualTo("healthy");
        assertThat(health.json().get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.json().get("database").asString()).isEqualTo("up");
    }
}
