package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * SQL in every query parameter and body field is matched or stored as the text it is, or refused
 * by validation; it never changes other rows.
 */
class SqlInjectionTests extends ApiTest {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "x'; DROP TABLE tickets; --",
            "\" OR 1=1 --",
            "1; DELETE FROM tickets",
            "') UNION SELECT key_hash, 1, 1 FROM api_keys --",
            "%' OR 1=1 OR '%'='",
            "x\\'; UPDATE tickets SET status='closed'; --");

    private static final List<String> QUERY_PARAMETERS = List.of(
            "category",
            "priority",
            "status",
            "assigned_to",
            "customer_id",
            "tag",
            "created_after",
            "created_before",
            "sort",
            "order",
            "limit",
            "cursor");

    private String canaryPath;
    private JsonNode canary;

    @BeforeEach
    void canary() {
        canaryPath = "/tickets/" + SecurityFixtures.ticketId(api);
        canary = api.get(canaryPath).json();
    }

    private long total() {
        return api.get("/tickets/stats").json().get("total").asLong();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void queryParametersMatchNothingOrAreRefusedAndChangeNothing() {
        long before = total();
        var unexpected = new ArrayList<String>();
        // A value of its own before each payload: no stored ticket matches it literally, so any
        // match would be the injection working.
        String mine = "q" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String payload : PAYLOADS.stream().map(p -> mine + p).toList()) {
            for (String name : QUERY_PARAMETERS) {
                for (String path : List.of("/tickets", "/tickets/stats")) {
                    if (path.endsWith("stats")
                            && List.of("sort", "order", "limit", "cursor").contains(name)) {
                        continue;
                    }
                    Api.Response r = api.get(path + "?" + name + "=" + encode(payload));
                    boolean matchedNothing =
                            r.status() == 200 && r.json().get("total").asLong() == 0;
                    boolean refused = r.status() == 422
                            && r.json()
                                    .get("detail")
                                    .get(0)
                                    .get("loc")
                                    .toString()
                                    .equals("[\"query\",\"" + name + "\"]");
                    if (!matchedNothing && !refused) {
                        unexpected.add(path + " " + name + "=" + payload + " -> " + r.status() + " " + r.body());
                    }
                }
                Api.Response all = api.post("/tickets/classify-all?" + name + "=" + encode(payload), Map.of());
                if (!List.of("sort", "order", "limit", "cursor").contains(name)
                        && !(all.status() == 422
                                || all.status() == 200 && all.json().isEmpty())) {
                    unexpected.add("classify-all " + name + "=" + payload + " -> " + all.status());
                }
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(total()).isEqualTo(before);
        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }

    @Test
    void bodyFieldsAreStoredLiterallyAndFoundLiterally() {
        long before = total();
        int created = 0;
        for (String payload : PAYLOADS) {
            var body = aTicket()
                    .withCustomer(payload)
                    .with("customer_name", payload)
                    .withSubject(payload)
                    .withDescription(payload + " (padding)")
                    .withAssignee(payload)
                    .withTags(payload)
                    .with("metadata", Map.of("source", "email", "browser", payload))
                    .build();
            Api.Response r = api.post("/tickets", body);
            assertThat(r.status()).as(payload).isEqualTo(201);
            created++;
            JsonNode stored =
                    api.get("/tickets/" + r.json().get("id").asString()).json();
            assertThat(stored.get("customer_id").asString()).isEqualTo(payload.trim());
            assertThat(stored.get("customer_name").asString()).isEqualTo(payload.trim());
            assertThat(stored.get("subject").asString()).isEqualTo(payload.trim());
            assertThat(stored.get("assigned_to").asString()).isEqualTo(payload.trim());
            assertThat(stored.get("tags").get(0).asString()).isEqualTo(payload.trim());
            assertThat(stored.get("metadata").get("browser").asString()).isEqualTo(payload.trim());

            JsonNode found = api.get("/tickets?customer_id=" + encode(payload) + "&tag=" + encode(payload))
                    .json();
            assertThat(found.get("total").asLong()).as(payload).isGreaterThanOrEqualTo(1);
            found.get("items")
                    .forEach(t -> assertThat(t.get("customer_id").asString()).isEqualTo(payload.trim()));
        }

        assertThat(total()).isEqualTo(before + created);
        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }

    @Test
    void enumAndEmailFieldsRefuseSqlAndChangeNothing() {
        long before = total();
        for (String payload : PAYLOADS) {
            for (String field : List.of("customer_email", "category", "priority", "status")) {
                Api.Response r =
                        api.post("/tickets", aTicket().with(field, payload).build());
                assertThat(r.status()).as(field + "=" + payload).isEqualTo(422);
            }
            for (String field : List.of("source", "device_type")) {
                Api.Response r = api.post(
                        "/tickets",
                        aTicket().with("metadata", Map.of(field, payload)).build());
                assertThat(r.status()).as("metadata." + field + "=" + payload).isEqualTo(422);
            }
            Api.Response patch = api.patch(canaryPath, Map.of("status", payload, "priority", payload));
            assertThat(patch.status()).isEqualTo(422);
            Api.Response put =
                    api.put(canaryPath, aTicket().with("category", payload).build());
            assertThat(put.status()).isEqualTo(422);
            assertThat(api.post("/api-keys", Map.of("name", "n", "role", payload))
                            .status())
                    .isEqualTo(422);
        }

        assertThat(total()).isEqualTo(before);
        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }

    @Test
    void flagsOfImportsAndClassificationRefuseSql() {
        long before = total();
        byte[] csv =
                "customer_id,customer_email,customer_name,subject,description\nc,a@example.com,A,S,Ten chars at least\n"
                        .getBytes(StandardCharsets.UTF_8);
        for (String payload : PAYLOADS) {
            String value = encode(payload);
            List<Api.Response> answers = List.of(
                    api.sendBytes("POST", "/import/csv?dry_run=" + value, "text/csv", csv),
                    api.sendBytes("POST", "/import/csv?auto_classify=" + value, "text/csv", csv),
                    api.post(canaryPath + "/classify?apply=" + value, Map.of()),
                    api.post("/tickets/classify-all?force=" + value, Map.of()),
                    api.post("/tickets?auto_classify=" + value, aTicket().build()));
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(422));
        }

        assertThat(total()).isEqualTo(before);
        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }

    @Test
    void updatesStoreSqlLiterallyInTheOneTicketOnly() {
        String target = "/tickets/" + SecurityFixtures.ticketId(api);
        for (String payload : PAYLOADS) {
            var patch = new LinkedHashMap<String, Object>();
            patch.put("subject", payload);
            patch.put("assigned_to", payload);
            Api.Response r = api.patch(target, patch);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("subject").asString()).isEqualTo(payload.trim());
        }

        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }

    @Test
    void keyNamesAndKeysThemselvesAreTakenLiterally() {
        for (String payload : PAYLOADS) {
            Api.Response created = api.post("/api-keys", Map.of("name", payload, "role", "viewer"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("name").asString()).isEqualTo(payload.trim());
            assertThat(api.withKey(payload).get("/tickets").status()).isEqualTo(401);
            assertThat(api.withKey(null)
                            .send("GET", "/tickets", null, null, Map.of("X-API-Key", payload))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.get(canaryPath).json()).isEqualTo(canary);
    }
}
