package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.LogLevels;

@ExtendWith(OutputCaptureExtension.class)
class SecurityHeadersTests extends ApiTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<Api.Response> responses = List.of(
                api.get("/tickets?limit=1"),
                api.get("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                api.withKey(null).get("/tickets"),
                api.get("/health"),
                api.get("/openapi.json"),
                api.post("/tickets", Map.of()));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        });
    }

    @Test
    void authenticatedAnswersAreNeverCached() {
        assertThat(api.get("/tickets?limit=1").header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.post("/tickets", aTicket().build()).header("Cache-Control"))
                .isEqualTo("no-store");
        assertThat(api.withKey(null).get("/tickets").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void corsIsOffByDefault() {
        Api.Response simple =
                api.send("GET", "/tickets?limit=1", null, null, Map.of("Origin", "https://desk.example.com"));
        Api.Response preflight = api.withKey(null)
                .send(
                        "OPTIONS",
                        "/tickets",
                        null,
                        null,
                        Map.of("Origin", "https://desk.example.com", "Access-Control-Request-Method", "POST"));

        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void eachRequestIsLoggedWithItsKeyAndIdButNoCustomerData(CapturedOutput output) {
        String email = "secret.customer." + System.nanoTime() + "@example.com";
        String description = "Confidential words " + System.nanoTime();
        Api.Response created;
        try (var info = LogLevels.raise("supportdesk.access", LogLevel.INFO)) {
            created = api.post(
                    "/tickets?auto_classify=false&email=" + email,
                    aTicket().withEmail(email).withDescription(description).build());
        }
        String requestId = created.header("X-Request-Id");
        String ticketId = created.json().get("id").asString();
        String adminId = api.get("/tickets/" + ticketId + "/history")
                .json()
                .get(0)
                .get("actor_id")
                .asString();

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains(requestId) && l.contains("supportdesk.access"))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains("POST /tickets 201 ").contains("ms key=" + adminId);
        assertThat(output.getOut()).doesNotContain(email).doesNotContain(description);
    }
}
