package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Registration on the default settings (private addresses refused): what is accepted, what is
 * refused and how, and who may. The webhooks here point at a public address (example.com's) and
 * are registered disabled, so nothing is ever sent.
 */
class WebhookApiTests extends ApiTest {

    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/supportdesk";

    @AfterEach
    void removeWebhooks() {
        for (JsonNode w : api.get("/webhooks").json()) {
            api.delete("/webhooks/" + w.get("id").asString());
        }
    }

    private static Map<String, Object> aWebhook(Object url) {
        return Map.of("url", url, "events", List.of("ticket.created", "ticket.updated"), "enabled", false);
    }

    private JsonNode listed(String id) {
        for (JsonNode w : api.get("/webhooks").json()) {
            if (w.get("id").asString().equals(id)) {
                return w;
            }
        }
        throw new AssertionError("not listed: " + id);
    }

    private static String detail(Api.Response r) {
        return r.json().get("detail").toString();
    }

    @Test
    void aRegisteredWebhookShowsItsGeneratedSecretOnceAndIsListedWithout() {
        Api.Response created = api.post("/webhooks", aWebhook(PUBLIC_URL));

        assertThat(created.status()).isEqualTo(201);
        JsonNode w = created.json();
        String id = w.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/webhooks/" + id);
        assertThat(w.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(w.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(w.get("events").toString()).isEqualTo("[\"ticket.created\",\"ticket.updated\"]");
        assertThat(w.get("enabled").asBoolean()).isFalse();
        JsonNode listed = listed(id);
        assertThat(listed.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(listed.has("secret")).isFalse();
        assertThat(api.get("/webhooks/" + id).json().has("secret")).isFalse();
        assertThat(api.get("/webhooks/" + id + "/deliveries").json()).isEmpty();
    }

    @Test
    void twoPatchesOfDifferentFieldsAtOnceBothTakeEffect() throws Exception {
        String id = api.post("/webhooks", aWebhook(PUBLIC_URL)).json().get("id").asString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String url = "https://93.184.215.14/round-" + round;
                String event = round % 2 == 0 ? "ticket.deleted" : "comment.created";
                var start = new java.util.concurrent.CountDownLatch(1);
                var byUrl = pool.submit(() -> {
                    start.await();
                    return api.patch("/webhooks/" + id, Map.of("url", url)).status();
                });
                var byEvents = pool.submit(() -> {
                    start.await();
                    return api.patch("/webhooks/" + id, Map.of("events", List.of(event)))
                            .status();
                });
                start.countDown();

                assertThat(List.of(byUrl.get(), byEvents.get())).containsOnly(200);
                JsonNode now = api.get("/webhooks/" + id).json();
                assertThat(now.get("url").asString()).as("round %d", round).isEqualTo(url);
                assertThat(now.get("events").get(0).asString())
                        .as("round %d", round)
                        .isEqualTo(event);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPatchChangesWhatItGivesAndADeleteRemovesTheWebhook() {
        String id = api.post("/webhooks", aWebhook(PUBLIC_URL)).json().get("id").asString();

        JsonNode patched = api.patch(
                        "/webhooks/" + id,
                        Map.of("events", List.of("ticket.deleted"), "url", "https://93.184.215.15/other"))
                .json();

        assertThat(patched.get("events").toString()).isEqualTo("[\"ticket.deleted\"]");
        assertThat(patched.get("url").asString()).isEqualTo("https://93.184.215.15/other");
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(api.delete("/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api.get("/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/webhooks/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://172.16.0.1/hook",
                "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://0.0.0.0/hook",
                "http://100.64.0.1/hook",
                "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
                "http://[64:ff9b::a00:1]/hook",
                "http://[64:ff9b:1::a00:1]/hook",
                "http://[2002:7f00:1::]/hook",
                "http://[2002:a9fe:a9fe::]/hook",
                "http://[2001::7f00:1]/hook",
                "http://240.0.0.1/hook",
                "http://198.18.0.1/hook",
                "http://192.0.0.1/hook",
                "http://192.0.2.1/hook",
                "http://255.255.255.255/hook",
                "http://[2001:db8::1]/hook",
                "http://[100::1]/hook"
            })
    void aTargetOnThisHostOrAPrivateNetworkIsRefused(String url) {
        Api.Response r = api.post("/webhooks", aWebhook(url));

        assertThat(r.status()).isEqualTo(422);
        JsonNode problem = r.json().get("detail").get(0);
        assertThat(problem.get("loc").toString()).isEqualTo("[\"body\",\"url\"]");
        assertThat(problem.get("msg").asString()).contains("supportdesk.webhooks.allow-private");
        assertThat(api.get("/webhooks").json().toString()).doesNotContain(url);
    }

    @Test
    void aPatchToAPrivateTargetIsRefusedToo() {
        String id = api.post("/webhooks", aWebhook(PUBLIC_URL)).json().get("id").asString();

        Api.Response r = api.patch("/webhooks/" + id, Map.of("url", "http://127.0.0.1/hook"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(api.get("/webhooks/" + id).json().get("url").asString()).isEqualTo(PUBLIC_URL);
    }

    @Test
    void badBodiesGet422WithEveryProblem() {
        Api.Response r = api.post(
                "/webhooks",
                Map.of(
                        "url",
                        "ftp://93.184.215.14/x",
                        "events",
                        List.of("ticket.created", "ticket.exploded", 7),
                        "x",
                        1));
        assertThat(r.status()).isEqualTo(422);
        assertThat(detail(r)).contains("extra_forbidden", "\"events\",1", "\"events\",2", "'ticket.created'");

        r = api.post("/webhooks", Map.of("url", "ftp://93.184.215.14/x", "events", List.of("ticket.created")));
        assertThat(detail(r)).contains("absolute http or https URL");
        r = api.post("/webhooks", Map.of());
        assertThat(detail(r)).contains("\"body\",\"url\"", "\"body\",\"events\"", "missing");
        r = api.post("/webhooks", Map.of("url", PUBLIC_URL, "events", List.of()));
        assertThat(detail(r)).contains("at least 1 item");
        r = api.post("/webhooks", Map.of("url", PUBLIC_URL, "events", "ticket.created"));
        assertThat(detail(r)).contains("valid list");
        r = api.post("/webhooks", Map.of("url", PUBLIC_URL, "events", List.of("ticket.created"), "secret", "short"));
        assertThat(detail(r)).contains("at least 16 characters");
        r = api.post(
                "/webhooks", Map.of("url", "https://user:pw@93.184.215.14/x", "events", List.of("ticket.created")));
        assertThat(detail(r)).contains("user name or password");
        r = api.post("/webhooks", Map.of("url", "http://exa mple.com/", "events", List.of("ticket.created")));
        assertThat(detail(r)).contains("URL is not valid");
        r = api.post("/webhooks", Map.of("url", "https://" + "a".repeat(2000) + ".com/", "events", List.of("x")));
        assertThat(detail(r)).contains("at most 2000 characters");
        r = api.post("/webhooks", List.of(1, 2));
        assertThat(r.status()).isEqualTo(422);
        assertThat(detail(r)).contains("dictionary");
        r = api.patch("/webhooks/" + UUID.randomUUID(), Map.of("enabled", "yes"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(detail(r)).contains("valid boolean");
    }

    @Test
    void malformedJsonUnknownIdsAndBadParametersGetClearAnswers() {
        Api.Response r = api.send("POST", "/webhooks", "application/json", "{\"url\": ", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).startsWith("Malformed JSON body");
        r = api.send("POST", "/webhooks", "text/plain", "url", Map.of());
        assertThat(r.status()).isEqualTo(415);
        assertThat(api.get("/webhooks/not-a-uuid").status()).isEqualTo(422);
        r = api.get("/webhooks/" + UUID.randomUUID());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("Webhook not found");
        String id = api.post("/webhooks", aWebhook(PUBLIC_URL)).json().get("id").asString();
        r = api.post("/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver", Map.of());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("Delivery not found");
        for (String limit : List.of("0", "201", "ten", "-1")) {
            r = api.get("/webhooks/" + id + "/deliveries?limit=" + limit);
            assertThat(r.status()).isEqualTo(422);
            assertThat(detail(r)).contains("\"query\",\"limit\"");
        }
    }

    @Test
    void onlyAdminsMayManageWebhooks() {
        String id = api.post("/webhooks", aWebhook(PUBLIC_URL)).json().get("id").asString();
        for (String role : List.of("viewer", "agent")) {
            Api as = api.withKey(api.post("/api-keys", Map.of("name", role + "-" + UUID.randomUUID(), "role", role))
                    .json()
                    .get("key")
                    .asString());
            assertThat(as.get("/webhooks").status()).isEqualTo(403);
            assertThat(as.post("/webhooks", aWebhook(PUBLIC_URL)).status()).isEqualTo(403);
            assertThat(as.get("/webhooks/" + id).status()).isEqualTo(403);
            assertThat(as.patch("/webhooks/" + id, Map.of("enabled", true)).status())
                    .isEqualTo(403);
            assertThat(as.delete("/webhooks/" + id).status()).isEqualTo(403);
            assertThat(as.get("/webhooks/" + id + "/deliveries").status()).isEqualTo(403);
            assertThat(as.post("/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver", Map.of())
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.withKey(null).get("/webhooks").status()).isEqualTo(401);
        assertThat(api.get("/webhooks/" + id).json().get("enabled").asBoolean()).isFalse();
    }
}
