package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SUPPORTDESK_LOG_FORMAT=json in a service of its own: every line of its output is one JSON
 * object, each request is one line with its request id, and no key, set-password link or customer
 * e-mail is in any.
 */
class JsonLogsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> JSON_LOGS = Map.of("SUPPORTDESK_LOG_FORMAT", "json");

    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path output) throws Exception {
        var lines = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                lines.add(node);
            }
        }
        return lines;
    }

    private static JsonNode accessLine(List<JsonNode> lines, String requestId) {
        List<JsonNode> found = lines.stream()
                .filter(l -> requestId.equals(l.path("requestId").asString(null)))
                .filter(l ->
                        "supportdesk.access".equals(l.path("log").path("logger").asString(null)))
                .toList();
        assertThat(found).as("access lines of " + requestId).hasSize(1);
        return found.get(0);
    }

    @Test
    void eachRequestIsOneJsonLineWithItsRequestIdAndNoSecret() throws Exception {
        Path data = dir.resolve("data");
        String email = "jane.private-" + System.nanoTime() + "@example.com";
        String wrongKey = "sd_wrong-key-" + System.nanoTime();
        String linkToken = "link-token-" + System.nanoTime();
        String adminKey;
        String newKey;
        Path output;
        try (var service = ServiceProcess.start(data, JSON_LOGS).awaitHealthy()) {
            output = service.output();
            adminKey = Files.readString(data.resolve("admin.key")).trim();
            Api admin = service.api().withKey(adminKey);

            var ticket = aTicket().withEmail(email).build();
            Api.Response created = admin.send(
                    "POST", "/tickets", "application/json", Api.toJson(ticket), Map.of("X-Request-Id", "log-create"));
            Api.Response refused = admin.withKey(wrongKey)
                    .send("GET", "/tickets?customer_id=" + email, null, null, Map.of("X-Request-Id", "log-refused"));
            Api.Response key = admin.send(
                    "POST",
                    "/api-keys",
                    "application/json",
                    Api.toJson(Map.of("name", "maria", "role", "agent")),
                    Map.of("X-Request-Id", "log-key"));
            Api.Response link = admin.withKey(null)
                    .send("GET", "/password/" + linkToken, null, null, Map.of("X-Request-Id", "log-link"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(link.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(key.status()).isEqualTo(201);
            newKey = key.json().get("key").asString();
        }

        List<JsonNode> lines = lines(output);
        JsonNode create = accessLine(lines, "log-create");
        assertThat(create.path("http").path("request").path("method").asString())
                .isEqualTo("POST");
        assertThat(create.path("http").path("response").path("status_code").asInt())
                .isEqualTo(201);
        assertThat(create.path("url").path("path").asString()).isEqualTo("/tickets");
        assertThat(create.path("event").path("duration").asLong()).isPositive();
        assertThat(accessLine(lines, "log-refused")
                        .path("http")
                        .path("response")
                        .path("status_code")
                        .asInt())
                .isEqualTo(401);
        accessLine(lines, "log-key");
        assertThat(accessLine(lines, "log-link").path("url").path("path").asString())
                .isEqualTo("/password/***");
        String all = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(all)
                .doesNotContain(adminKey)
                .doesNotContain(wrongKey)
                .doesNotContain(newKey)
                .doesNotContain(linkToken);
        assertThat(all).doesNotContain(email).doesNotContain("jane.private");
    }

    @Test
    void aFailureIsOneJsonLineWithItsStackTrace() throws Exception {
        String shortToken = "short-token-" + System.nanoTime();
        var service = ServiceProcess.start(dir.resolve("data"), JSON_LOGS, "--supportdesk.metrics.token=" + shortToken);
        assertThat(service.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<JsonNode> lines = lines(service.output());

        assertThat(service.process().exitValue()).isNotZero();
        List<JsonNode> failures = lines.stream()
                .filter(l -> "ERROR".equals(l.path("log").path("level").asString(null)))
                .map(l -> l.path("error"))
                .filter(e -> e.path("stack_trace").asString("").contains("metrics.token"))
                .toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("type").asString()).isNotBlank();
        assertThat(failures.get(0).path("stack_trace").asString()).contains("\tat ");
        assertThat(Files.readString(service.output())).doesNotContain(shortToken);
    }
}
