package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import tools.jackson.databind.JsonNode;

/**
 * Tickets changed over real HTTP: PATCH and PUT, If-Match and concurrent changes, resolved_at and
 * the history.
 */
class TicketUpdateApiTests extends TicketApiTest {

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
}
