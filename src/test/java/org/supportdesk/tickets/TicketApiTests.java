package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aRefundRequest;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Status.CLOSED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Concurrently;
import tools.jackson.databind.JsonNode;

class TicketApiTests extends ApiTest {

    private static final Pattern RFC_3339_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private JsonNode create(Map<String, Object> body) {
        Api.Response response = api.post("/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void createsTicketWithServerFieldsLocationAndEtag() {
        Api.Response response = api.post(
                "/tickets", aTicket().withTags(" vip ", "export", "vip").build());

        assertThat(response.status()).isEqualTo(201);
        JsonNode t = response.json();
        assertThat(response.header("Location"))
                .isEqualTo("/tickets/" + t.get("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(t.get("status").asString()).isEqualTo("new");
        assertThat(t.get("version").asInt()).isEqualTo(1);
        assertThat(t.get("created_at").asString())
                .matches(RFC_3339_UTC)
                .isEqualTo(t.get("updated_at").asString());
        assertThat(t.get("resolved_at").isNull()).isTrue();
        assertThat(t.get("tags").toString()).isEqualTo("[\"vip\",\"export\"]");
        assertThat(t.get("metadata").get("source").asString()).isEqualTo("web_form");
        assertThat(t.get("category").asString()).isEqualTo("technical_issue");
    }

    @Test
    void ticketIdsAreRandomVersion4Uuids() {
        var ids = new java.util.HashSet<UUID>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.fromString(create(aTicket().build()).get("id").asString());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void getReturnsTheStoredTicket() {
        JsonNode created = create(aTicket().build());

        Api.Response response = api.get("/tickets/" + created.get("id").asString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void reportsEveryValidationProblemAtOnceWithJsonNames() {
        Api.Response response = api.post(
                "/tickets",
                aTicket()
                        .without("customer_id")
                        .withEmail("not-an-email")
                        .withDescription("short")
                        .with("priorty", "high")
                        .with("category", "billing")
                        .with("tags", List.of("ok", 7))
                        .build());

        assertThat(response.status()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        response.json().get("detail").forEach(p -> {
            locs.add(p.get("loc").toString());
            assertThat(p.get("msg").asString()).isNotBlank();
            assertThat(p.get("type").asString()).isNotBlank();
        });
        assertThat(locs)
                .containsExactlyInAnyOrder(
                        "[\"body\",\"customer_id\"]",
                        "[\"body\",\"customer_email\"]",
                        "[\"body\",\"description\"]",
                        "[\"body\",\"priorty\"]",
                        "[\"body\",\"category\"]",
                        "[\"body\",\"tags\",1]");
    }

    @Test
    void refusesMalformedJsonWith400() {
        Api.Response response = api.send("POST", "/tickets", "application/json", "{\"subject\": ", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Malformed JSON body");
    }

    @Test
    void refusesWrongContentTypeWith415() {
        Api.Response response = api.send("POST", "/tickets", "text/plain", "hello", Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).contains("application/json");
    }

    @Test
    void refusesACompressedBodyWith415RatherThanParsingItsBytes() {
        Api.Response gzip =
                api.send("POST", "/tickets", "application/json", "\u001f\u008b", Map.of("Content-Encoding", "gzip"));
        Api.Response identity = api.send(
                "POST",
                "/tickets",
                "application/json",
                Api.toJson(aTicket().build()),
                Map.of("Content-Encoding", "identity"));

        assertThat(gzip.status()).isEqualTo(415);
        assertThat(gzip.json().get("detail").asString()).contains("Content-Encoding");
        assertThat(identity.status()).as(identity.body()).isEqualTo(201);
    }

    @Test
    void refusesOversizeBodyWith413() {
        String huge = "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Api.Response response = api.send("POST", "/tickets", "application/json", huge, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("limit");
    }

    @Test
    void aNulCharacterIsRefusedInFieldsAndMatchesNothingInFilters() {
        // PostgreSQL cannot store U+0000 in text; both databases refuse it alike.
        Api.Response response = api.post(
                "/tickets",
                aTicket()
                        .withSubject("Export\u0000broken")
                        .withTags("ok", "a\u0000b")
                        .build());

        assertThat(response.status()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        response.json().get("detail").forEach(p -> locs.add(p.get("loc").toString()));
        assertThat(locs).containsExactly("[\"body\",\"subject\"]", "[\"body\",\"tags\",1]");
        assertThat(api.get("/tickets?customer_id=a%00b").json().get("total").asLong())
                .isZero();
        assertThat(api.get("/tickets/stats?tag=a%00b").json().get("total").asLong())
                .isZero();
    }

    /** A body whose strings are written as JSON escapes, as they are: `\\ud800` stays an escape. */
    private Api.Response send(String method, String path, String json) {
        return api.send(method, path, "application/json", json, Map.of());
    }

    private static String bodyWith(String subject, String tag, String browser) {
        return "{\"customer_id\": \"cust-" + UUID.randomUUID()
                + "\", \"customer_email\": \"ann@example.com\", \"customer_name\": \"Ann\", \"subject\": \""
                + subject + "\", \"description\": \"The export button does nothing.\", \"tags\": [\"" + tag
                + "\"], \"metadata\": {\"browser\": \"" + browser + "\"}}";
    }

    @Test
    void loneSurrogatesAreRefusedOnCreateReplaceAndPatchNotStoredAsQuestionMarks() {
        Api.Response created = send("POST", "/tickets", bodyWith("ab\\ud800cd", "x\\udc00", "Firefox \\udbff"));

        assertThat(created.status()).as(created.body()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        created.json().get("detail").forEach(p -> {
            locs.add(p.get("loc").toString());
            assertThat(p.get("type").asString()).isEqualTo("string_unicode");
        });
        assertThat(locs)
                .containsExactly(
                        "[\"body\",\"subject\"]", "[\"body\",\"tags\",0]", "[\"body\",\"metadata\",\"browser\"]");
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();
        assertThat(send("PUT", path, bodyWith("ab\\ud800cd", "ok", "ok")).status())
                .isEqualTo(422);
        Api.Response patched = send("PATCH", path, "{\"assigned_to\": \"maria\\ude00\"}");
        assertThat(patched.status()).isEqualTo(422);
        assertThat(patched.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"assigned_to\"]");
        assertThat(api.get(path).json()).isEqualTo(t);
    }

    @Test
    void surrogatePairsAreStoredAndReadBackExactly() {
        JsonNode created = create(aTicket()
                .withSubject("Export broken \ud83d\ude00")
                .withTags("\ud83d\udd25 hot")
                .build());

        JsonNode read = api.get("/tickets/" + created.get("id").asString()).json();

        assertThat(read.get("subject").asString()).isEqualTo("Export broken \ud83d\ude00");
        assertThat(read.get("tags").get(0).asString()).isEqualTo("\ud83d\udd25 hot");
        assertThat(read).isEqualTo(created);
    }

    @Test
    void patchWithNullTagsIs422AndKeepsTheTags() {
        JsonNode t = create(aTicket().withTags("vpn", "export").build());
        String path = "/tickets/" + t.get("id").asString();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("tags", null);

        Api.Response response = api.patch(path, body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"tags\"]");
        assertThat(api.get(path).json()).isEqualTo(t);
        assertThat(api.patch(path, Map.of("tags", List.of())).json().get("tags").size())
                .isZero();
    }

    @Test
    void refusesEmptyBodyAndNonObjectBodyWith422() {
        assertThat(api.send("POST", "/tickets", "application/json", "", Map.of())
                        .status())
                .isEqualTo(422);
        Api.Response array = api.send("POST", "/tickets", "application/json", "[1,2]", Map.of());
        assertThat(array.status()).isEqualTo(422);
        assertThat(array.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\"]");
    }

    @Test
    void ignoresReadOnlyFieldsInTheBody() {
        JsonNode t = create(aTicket()
                .with("id", "00000000-0000-4000-8000-000000000000")
                .with("version", 99)
                .with("created_at", "x")
                .build());

        assertThat(t.get("id").asString()).isNotEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(t.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void answers404ForUnknownIdAnd422ForNonUuid() {
        Api.Response missing = api.get("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Ticket not found");

        Api.Response bad = api.get("/tickets/not-a-uuid");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"id\"]");

        assertThat(api.delete("/tickets/not-a-uuid").status()).isEqualTo(422);
        assertThat(api.patch("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6", Map.of("subject", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void patchChangesOnlyGivenFieldsAndNullClearsNullableOnes() {
        JsonNode t = create(aTicket().withAssignee("maria").build());
        String path = "/tickets/" + t.get("id").asString();

        Map<String, Object> body = new java.util.HashMap<>();
        body.put("assigned_to", null);
        body.put("subject", "Export still broken");
        body.put("metadata", Map.of("browser", "Chrome 131"));
        Api.Response patched = api.patch(path, body);

        assertThat(patched.status()).isEqualTo(200);
        JsonNode p = patched.json();
        assertThat(p.get("assigned_to").isNull()).isTrue();
        assertThat(p.get("subject").asString()).isEqualTo("Export still broken");
        assertThat(p.get("description")).isEqualTo(t.get("description"));
        assertThat(p.get("metadata").get("browser").asString()).isEqualTo("Chrome 131");
        assertThat(p.get("metadata").get("source").asString()).isEqualTo("web_form");
        assertThat(p.get("version").asInt()).isEqualTo(2);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void patchWithNullForRequiredFieldIs422AndChangesNothing() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("subject", null);

        Api.Response response = api.patch(path, body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"subject\"]");
        assertThat(api.get(path).json()).isEqualTo(t);
    }

    @Test
    void patchThatChangesNothingKeepsVersionAndUpdatedAt() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        JsonNode same = api.patch(path, Map.of("subject", t.get("subject").asString(), "priority", "high"))
                .json();

        assertThat(same.get("version").asInt()).isEqualTo(1);
        assertThat(same.get("updated_at")).isEqualTo(t.get("updated_at"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();
        assertThat(api.patch(path, Map.of("status", "in_progress"), "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);

        Api.Response stale = api.patch(path, Map.of("status", "closed"), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asString()).contains("version 2");
        JsonNode now = api.get(path).json();
        assertThat(now.get("status").asString()).isEqualTo("in_progress");
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(api.put(path, aTicket().build(), "If-Match", "1").status()).isEqualTo(412);
        assertThat(api.patch(path, Map.of("status", "closed"), "If-Match", "W/\"2\"")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void concurrentPatchesWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        List<Integer> statuses = Concurrently.run(
                8,
                8,
                i -> api.patch(path, Map.of("assigned_to", "agent-" + i), "If-Match", "\"1\"")
                        .status());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(api.get(path).json().get("version").asInt()).isEqualTo(2);
        assertThat(api.get(path + "/history").json().size()).isEqualTo(2);
    }

    @Test
    void postsSentAtOnceAreEachStoredWithTheirTagsHistoryCountsAndSearchIndex() throws Exception {
        // On SQLite the POSTs that wait for the writer together are stored by one batch of statements.
        String customer = "cust-" + UUID.randomUUID();
        String word = "zq" + Long.toString(System.nanoTime(), 36);

        List<JsonNode> created = Concurrently.run(
                24,
                12,
                i -> create(aRefundRequest()
                        .withCustomer(customer)
                        .withSubject("Refund " + word + " number " + i)
                        .withTags("batch", "n" + i)
                        .build()));

        assertThat(created).extracting(t -> t.get("id").asString()).doesNotHaveDuplicates();
        for (int i = 0; i < created.size(); i++) {
            String path = "/tickets/" + created.get(i).get("id").asString();
            JsonNode stored = api.get(path).json();
            assertThat(stored.get("subject").asString()).isEqualTo("Refund " + word + " number " + i);
            assertThat(stored.get("tags").toString()).isEqualTo("[\"batch\",\"n" + i + "\"]");
            assertThat(api.get("/tickets?tag=n" + i + "&customer_id=" + customer)
                            .json()
                            .get("total")
                            .asInt())
                    .isEqualTo(1);
            JsonNode history = api.get(path + "/history").json();
            assertThat(history).extracting(e -> e.get("action").asString()).containsExactly("created", "classified");
        }
        assertThat(api.get("/tickets/stats?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(24);
        assertThat(api.get("/tickets?q=" + word).json().get("total").asInt()).isEqualTo(24);
    }

    @Test
    void concurrentPatchesWithoutIfMatchAreAllApplied() throws Exception {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        List<Integer> statuses = Concurrently.run(
                8, 8, i -> api.patch(path, Map.of("assigned_to", "agent-" + i)).status());

        assertThat(statuses).containsOnly(200);
        assertThat(api.get(path).json().get("version").asInt()).isEqualTo(9);
        assertThat(api.get(path + "/history").json().size()).isEqualTo(9);
    }

    @Test
    void resolvedAtIsSetKeptAndClearedAsStatusMoves() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        JsonNode resolved = api.patch(path, Map.of("status", "resolved")).json();
        String resolvedAt = resolved.get("resolved_at").asString();
        assertThat(resolvedAt).matches(RFC_3339_UTC);

        JsonNode closed = api.patch(path, Map.of("status", "closed")).json();
        assertThat(closed.get("resolved_at").asString()).isEqualTo(resolvedAt);

        JsonNode reopened = api.patch(path, Map.of("status", "in_progress")).json();
        assertThat(reopened.get("resolved_at").isNull()).isTrue();
    }

    @Test
    void ticketCreatedResolvedIsResolvedAtCreation() {
        JsonNode t = create(aTicket().withStatus(CLOSED).build());

        assertThat(t.get("resolved_at").asString())
                .isEqualTo(t.get("created_at").asString());
    }

    @Test
    void putReplacesAllWritableFields() {
        JsonNode t = create(aTicket().withAssignee("maria").withTags("a", "b").build());
        String path = "/tickets/" + t.get("id").asString();

        JsonNode replaced = api.put(
                        path,
                        aTicket()
                                .withCustomer(t.get("customer_id").asString())
                                .without("tags")
                                .build())
                .json();

        assertThat(replaced.get("assigned_to").isNull()).isTrue();
        assertThat(replaced.get("tags").size()).isZero();
        assertThat(replaced.get("version").asInt()).isEqualTo(2);
        assertThat(replaced.get("created_at")).isEqualTo(t.get("created_at"));
        assertThat(api.put(path, Map.of("subject", "only this")).status()).isEqualTo(422);
    }

    @Test
    void deleteAnswers204ThenTheTicketIsGone() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(404);
        assertThat(api.get(path + "/history").status()).isEqualTo(404);
    }

    @Test
    void historyRecordsWhoChangedWhatAndWhenOldestFirst() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();
        api.patch(path, Map.of("status", "in_progress", "assigned_to", "maria"));
        api.patch(path, Map.of("tags", List.of("export", "escalated")));

        JsonNode history = api.get(path + "/history").json();

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("action").asString()).isEqualTo("created");
        JsonNode first = history.get(1);
        assertThat(first.get("action").asString()).isEqualTo("updated");
        assertThat(first.get("actor").asString()).isEqualTo("admin");
        assertThat(first.get("actor_id").asString())
                .isEqualTo(history.get(0).get("actor_id").asString());
        assertThat(first.get("at").asString()).matches(RFC_3339_UTC);
        assertThat(first.get("changes").get("status").get("old").asString()).isEqualTo("new");
        assertThat(first.get("changes").get("status").get("new").asString()).isEqualTo("in_progress");
        assertThat(first.get("changes").get("assigned_to").get("old").isNull()).isTrue();
        assertThat(history.get(2).get("changes").get("tags").get("new").toString())
                .isEqualTo("[\"export\",\"escalated\"]");
    }

    @Test
    void unknownPathAndMethodAnswerWithJsonDetail() {
        Api.Response unknown = api.get("/nowhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Not Found");

        Api.Response method = api.delete("/tickets");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.Response response = api.get("/tickets/not-a-uuid");

        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
