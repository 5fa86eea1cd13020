package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

class ApiKeyApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdKeyIsShownOnceAndListedWithoutItsSecret() {
        Api.Response created = api.post("/api-keys", Map.of("name", "  alice  ", "role", "agent"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        assertThat(key.propertyNames()).containsExactly("id", "name", "role", "key", "created_at");
        assertThat(key.get("name").asString()).isEqualTo("alice");
        assertThat(key.get("role").asString()).isEqualTo("agent");
        assertThat(key.get("key").asString()).matches("sd_[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location"))
                .isEqualTo("/api-keys/" + key.get("id").asString());

        Api.Response list = api.get("/api-keys");
        assertThat(list.body()).doesNotContain(key.get("key").asString());
        JsonNode listed = find(list.json(), key.get("id").asString());
        assertThat(listed.propertyNames())
                .containsExactly("id", "name", "role", "created_at", "revoked_at", "last_used_at");
        assertThat(listed.get("revoked_at").isNull()).isTrue();
    }

    @Test
    void onlyTheSha256OfAKeyIsStored() {
        JsonNode key = SecurityFixtures.newKey(api, "viewer");
        String secret = key.get("key").asString();

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_keys WHERE id = ?")
                .param(key.get("id").asString())
                .query()
                .singleRow();

        assertThat(row.get("key_hash")).isEqualTo(ApiKeyService.hash(secret));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secret.substring(3)));
    }

    @Test
    void twoKeysAreNeverAlike() {
        assertThat(SecurityFixtures.secretOf(api, "viewer")).isNotEqualTo(SecurityFixtures.secretOf(api, "viewer"));
    }

    @Test
    void revokedKeyStopsWorkingAtOnceAndRevokingAgainIsFine() {
        JsonNode key = SecurityFixtures.newKey(api, "viewer");
        Api holder = api.withKey(key.get("key").asString());
        assertThat(holder.get("/tickets?limit=1").status()).isEqualTo(200);

        assertThat(api.delete("/api-keys/" + key.get("id").asString()).status()).isEqualTo(204);

        assertThat(holder.get("/tickets?limit=1").status()).isEqualTo(401);
        assertThat(api.delete("/api-keys/" + key.get("id").asString()).status()).isEqualTo(204);
        JsonNode listed = find(api.get("/api-keys").json(), key.get("id").asString());
        assertThat(listed.get("revoked_at").isNull()).isFalse();
    }

    @Test
    void revokingAnUnknownKeyIs404AndANonUuidIs422() {
        Api.Response unknown = api.delete("/api-keys/3fa85f64-5717-4562-b3fc-2c963f66afa6");
        Api.Response notUuid = api.delete("/api-keys/alice");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("API key not found");
        assertThat(notUuid.status()).isEqualTo(422);
        assertThat(notUuid.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"id\"]");
    }

    @Test
    void invalidKeyRequestsListEveryProblemAsOtherValidationErrors() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "x".repeat(101));
        body.put("role", "superuser");
        body.put("scope", "all");

        Api.Response r = api.post("/api-keys", body);

        assertThat(r.status()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        r.json()
                .get("detail")
                .forEach(p -> problems.add(
                        p.get("loc").toString() + " " + p.get("type").asString()));
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "[\"body\",\"scope\"] extra_forbidden",
                        "[\"body\",\"name\"] string_too_long",
                        "[\"body\",\"role\"] enum");
        assertThat(api.post("/api-keys", Map.of()).json().get("detail").size()).isEqualTo(2);
        assertThat(api.post("/api-keys", Map.of("name", " ", "role", "viewer")).status())
                .isEqualTo(422);
        assertThat(api.post("/api-keys", List.of()).status()).isEqualTo(422);
    }

    @Test
    void historyNamesTheKeyThatMadeEachChangeAndItsIdButNeverItsSecret() {
        JsonNode alice =
                api.post("/api-keys", Map.of("name", "alice", "role", "agent")).json();
        JsonNode bob =
                api.post("/api-keys", Map.of("name", "bob", "role", "agent")).json();
        Api asAlice = api.withKey(alice.get("key").asString());
        Api asBob = api.withKey(bob.get("key").asString());

        String id = asAlice.post("/tickets", aTicket().build()).json().get("id").asString();
        asBob.patch("/tickets/" + id, Map.of("status", "in_progress"));
        asBob.post("/tickets/" + id + "/classify", Map.of());
        Api.Response history = asAlice.get("/tickets/" + id + "/history");

        List<String> who = new ArrayList<>();
        history.json()
                .forEach(e -> who.add(e.get("action").asString() + " by "
                        + e.get("actor").asString() + " " + e.get("actor_id").asString()));
        String aliceId = alice.get("id").asString();
        String bobId = bob.get("id").asString();
        assertThat(who)
                .containsExactly(
                        "created by alice " + aliceId, "updated by bob " + bobId, "classified by bob " + bobId);
        assertThat(history.body())
                .doesNotContain(alice.get("key").asString(), bob.get("key").asString());
    }

    @Test
    void listShowsWhenAKeyWasLastUsed() {
        JsonNode key = SecurityFixtures.newKey(api, "viewer");
        String id = key.get("id").asString();
        assertThat(find(api.get("/api-keys").json(), id).get("last_used_at").isNull())
                .isTrue();

        api.withKey(key.get("key").asString()).get("/tickets?limit=1");

        assertThat(find(api.get("/api-keys").json(), id).get("last_used_at").isNull())
                .isFalse();
    }

    @Test
    void aViewerCannotChangeAnything() {
        String id = SecurityFixtures.ticketId(api);
        JsonNode before = api.get("/tickets/" + id).json();
        Api viewer = api.withKey(SecurityFixtures.secretOf(api, "viewer"));

        List<Integer> statuses = List.of(
                viewer.post("/tickets", aTicket().build()).status(),
                viewer.patch("/tickets/" + id, Map.of("status", "closed")).status(),
                viewer.put("/tickets/" + id, aTicket().build()).status(),
                viewer.post("/tickets/" + id + "/classify", Map.of()).status(),
                viewer.delete("/tickets/" + id).status(),
                viewer.post("/api-keys", Map.of("name", "mine", "role", "admin"))
                        .status());

        assertThat(statuses).containsOnly(403);
        assertThat(api.get("/tickets/" + id).json()).isEqualTo(before);
    }

    @Test
    void theApiDescriptionOffersBothKeyHeadersAndShowsNoActorParameter() {
        JsonNode doc = api.withKey(null).get("/openapi.json").json();

        assertThat(doc.get("components").get("securitySchemes").propertyNames()).contains("bearer", "apiKey");
        assertThat(doc.get("paths").get("/tickets").get("post").toString()).doesNotContain("actor");
        assertThat(doc.get("paths").get("/api-keys").has("post")).isTrue();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode key : list) {
            if (key.get("id").asString().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("key " + id + " not listed");
    }

    /**
     * The one problem of a key named {@code jsonName} (JSON string text, so that escapes such as
     * `\\ud800` reach the service as written), after checking it is a 422 on the name.
     */
    private JsonNode refusedName(String jsonName) {
        Api.Response r = api.send(
                "POST",
                "/api-keys",
                "application/json",
                "{\"name\": \"" + jsonName + "\", \"role\": \"viewer\"}",
                Map.of());
        assertThat(r.status()).as(jsonName).isEqualTo(422);
        JsonNode problem = r.json().get("detail").get(0);
        assertThat(problem.get("loc").toString()).isEqualTo("[\"body\",\"name\"]");
        return problem;
    }

    @Test
    void aKeyNameTheDatabasesWouldChangeIsRefusedAsInATicket() {
        for (String name : List.of("ev\\ud800il", "ev\\u0000il", "evil\\u0000", "\\udc00")) {
            JsonNode problem = refusedName(name);
            assertThat(problem.get("type").asString())
                    .isEqualTo(name.contains("u0000") ? "string_nul" : "string_unicode");
        }
        assertThat(api.get("/api-keys").body()).doesNotContain("ev?il", "ev\\u0000il");
    }

    @Test
    void aKeyNameWithALineBreakOrAnotherControlCharacterIsRefused() {
        // The name is every history entry's actor: a line break in it would forge a second line.
        for (String name : List.of("ops\\r\\nadmin", "tab\\tbed", "bell\\u0007", "del\\u007f", "c1\\u0085")) {
            JsonNode problem = refusedName(name);
            assertThat(problem.get("msg").asString()).contains("control character");
        }
        // Spaces and line breaks around a name are trimmed, as before.
        assertThat(api.post("/api-keys", Map.of("name", " deploy bot\n", "role", "viewer"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("deploy bot");
    }

    @Test
    void aKeyNameOfAHundredEmojiIsAHundredCharacters() {
        String emoji = "\uD83D\uDE00";

        Api.Response hundred = api.post("/api-keys", Map.of("name", emoji.repeat(100), "role", "viewer"));
        Api.Response more = api.post("/api-keys", Map.of("name", emoji.repeat(101), "role", "viewer"));

        assertThat(hundred.status()).isEqualTo(201);
        assertThat(hundred.json().get("name").asString()).isEqualTo(emoji.repeat(100));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_long");
    }
}
