package org.supportdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.system.SharedSecrets;
import org.supportdesk.system.SignedTokens;
import tools.jackson.databind.JsonNode;

/** The change feed on both databases: what it says about each kind of write, and how it pages. */
class ChangesApiTests extends ApiTest {

    @Autowired
    private SharedSecrets secrets;

    private String customer;
    private String now;

    @BeforeEach
    void theCursorAtTheEndOfTheFeed() {
        customer = "changes-" + UUID.randomUUID();
        now = Feed.drain(api, null).cursor();
    }

    private String create() {
        Api.Response r = api.post("/tickets", aTicket().withCustomer(customer).build());
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void createdChangedAndDeletedTicketsComeOldestFirstOncePerTicket() {
        String a = create();
        String b = create();
        api.patch("/tickets/" + a, Map.of("status", "in_progress", "assigned_to", "maria"));
        api.delete("/tickets/" + b);
        String c = create();

        List<JsonNode> changes = Feed.drain(api, now).changes();

        assertThat(changes).extracting(ch -> ch.get("ticket_id").asString()).containsExactly(a, b, c);
        JsonNode updated = changes.get(0);
        assertThat(updated.get("kind").asString()).isEqualTo("updated");
        assertThat(updated.get("fields").toString()).isEqualTo("[\"status\",\"assigned_to\"]");
        assertThat(updated.get("actor").asString()).isNotEmpty();
        assertThat(updated.get("ticket").get("version").asInt()).isEqualTo(2);
        assertThat(updated.get("ticket").get("status").asString()).isEqualTo("in_progress");
        assertThat(updated.get("ticket").get("category_by").asString()).isEqualTo("person");
        JsonNode tombstone = changes.get(1);
        assertThat(tombstone.get("kind").asString()).isEqualTo("deleted");
        assertThat(tombstone.get("ticket").isNull()).isTrue();
        assertThat(tombstone.get("at").asString()).matches("\\d{4}-.*Z");
        assertThat(changes.get(2).get("kind").asString()).isEqualTo("created");
        assertThat(changes.get(2).get("ticket").get("id").asString()).isEqualTo(c);
    }

    @Test
    void pagesHaveANextCursorAndSayWhenTheStreamEnds() {
        String a = create();
        String b = create();

        JsonNode first = api.get("/tickets/changes?limit=1&since=" + now).json();
        assertThat(first.get("changes")).hasSize(1);
        assertThat(first.get("end_of_stream").asBoolean()).isFalse();
        JsonNode second = api.get("/tickets/changes?limit=1&since="
                        + first.get("next_cursor").asString())
                .json();
        assertThat(second.get("changes").get(0).get("ticket_id").asString()).isEqualTo(b);
        JsonNode after = api.get(
                        "/tickets/changes?since=" + second.get("next_cursor").asString())
                .json();
        assertThat(after.get("changes")).isEmpty();
        assertThat(after.get("end_of_stream").asBoolean()).isTrue();
        // Nothing new: the same cursor again, to poll with.
        assertThat(after.get("next_cursor").asString())
                .isEqualTo(second.get("next_cursor").asString());
        assertThat(first.get("changes").get(0).get("ticket_id").asString()).isEqualTo(a);
    }

    @Test
    void importsAndClassificationsAreChangesToo() {
        String csv = "customer_id,customer_email,customer_name,subject,description\n" + customer
                + ",imp@example.com,Imp Orter,Cannot log in,My password reset link never arrives.\n";
        Api.Response imported = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String id = imported.json().get("imported_ids").get(0).asString();
        api.post("/tickets/" + id + "/classify", Map.of());

        List<JsonNode> changes = Feed.drain(api, now).changes();

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("updated");
        assertThat(changes.get(0).get("fields").toString()).contains("classification");
    }

    @Test
    void deletedTicketsImportedBackFromTheirExportReturnAndEachIsInTheFeedOnce() {
        List<String> ids = List.of(create(), create(), create());
        String csv =
                api.get("/tickets/export?format=csv&customer_id=" + customer).body();
        ids.forEach(id -> assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204));
        String beforeImport = Feed.drain(api, now).cursor();

        Api.Response imported = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("success_count").asInt()).isEqualTo(3);
        ids.forEach(id -> assertThat(api.get("/tickets/" + id).status()).isEqualTo(200));
        Feed restored = Feed.drain(api, beforeImport);
        assertThat(restored.changes())
                .extracting(ch -> ch.get("ticket_id").asString())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(restored.changes())
                .allSatisfy(ch -> assertThat(ch.get("kind").asString()).isEqualTo("created"));
        // The feed goes on after them: a later change is not hidden behind their numbers.
        api.patch("/tickets/" + ids.get(0), Map.of("status", "in_progress"));
        assertThat(Feed.drain(api, restored.cursor()).changes())
                .extracting(ch -> ch.get("ticket_id").asString())
                .containsExactly(ids.get(0));
    }

    @Test
    void aCursorTheServerDidNotIssueOrABadLimitIsA422() {
        // The last digit edited: base64 leaves some of its bits unused, a check on bytes would miss it.
        String edited = now.substring(0, now.length() - 1) + (now.endsWith("A") ? "B" : "A");
        Api.Response forged = api.get("/tickets/changes?since=" + edited);
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"since\"]");
        assertThat(api.get("/tickets/changes?limit=0").status()).isEqualTo(422);
        assertThat(api.get("/tickets/changes?limit=1001").status()).isEqualTo(422);
    }

    @Test
    void aCursorPastTheEndOfTheFeedIsA422ThatSaysToStartAgain() {
        // Signed with the service's own key, as a cursor issued before the database was restored
        // from an older backup is: its place lies beyond every change the database now holds.
        // Until 2026-11-28 it answered an empty page with end_of_stream, poll after poll, and the
        // changes made after the restore were skipped once the numbers passed it.
        var cursors = new SignedTokens(() -> secrets.get("cursor_key"));
        String ahead = cursors.sign("changes|4000000000000|4000000000000");

        Api.Response r = api.get("/tickets/changes?since=" + ahead);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"since\"]");
        assertThat(r.json().get("detail").get(0).get("msg").asString()).contains("restored", "without since");
        // The cursor at the end of the feed is not past it.
        assertThat(api.get("/tickets/changes?since=" + Feed.drain(api, now).cursor())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTicketDeletedAndImportedBackWithAnotherCreationTimeIsInTheFeedOnce() {
        String id = create();
        deleteAndImportBackCreatedEarlier(id);

        List<JsonNode> fromTheStart = changesOf(id);

        // Until 2026-11-28 its tombstone came first, then the ticket again as created.
        assertThat(fromTheStart).hasSize(1);
        assertThat(fromTheStart.get(0).get("kind").asString()).isEqualTo("created");
        assertThat(fromTheStart.get(0).get("ticket").get("id").asString()).isEqualTo(id);
    }

    @Test
    void aTicketDeletedImportedBackWithAnotherCreationTimeAndDeletedAgainHasOneTombstone() {
        String id = create();
        deleteAndImportBackCreatedEarlier(id);
        String beforeTheSecondDelete = Feed.drain(api, now).cursor();
        assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);

        // Until 2026-11-28 two: the first one's row (the first creation time) stayed.
        List<JsonNode> fromTheStart = changesOf(id);
        assertThat(fromTheStart).hasSize(1);
        assertThat(fromTheStart.get(0).get("kind").asString()).isEqualTo("deleted");
        assertThat(Feed.drain(api, beforeTheSecondDelete).changes())
                .extracting(ch ->
                        ch.get("ticket_id").asString() + " " + ch.get("kind").asString())
                .containsExactly(id + " deleted");
    }

    /** Deletes the ticket and imports it back with its id and an older created_at: another key of the log. */
    private void deleteAndImportBackCreatedEarlier(String id) {
        JsonNode exported = api.get("/tickets/" + id).json();
        assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);
        var record = new java.util.LinkedHashMap<String, Object>();
        for (String field : List.of("id", "customer_id", "customer_email", "customer_name", "subject", "description")) {
            record.put(field, exported.get(field).asString());
        }
        record.put("created_at", "2025-01-01T00:00:00.000Z");
        Api.Response imported =
                api.send("POST", "/import/json", "application/json", Api.toJson(List.of(record)), Map.of());
        assertThat(imported.json().get("success_count").asInt())
                .as(imported.body())
                .isEqualTo(1);
        assertThat(api.get("/tickets/" + id).json().get("created_at").asString())
                .isEqualTo("2025-01-01T00:00:00.000Z");
    }

    private List<JsonNode> changesOf(String id) {
        return Feed.drain(api, null).changes().stream()
                .filter(ch -> ch.get("ticket_id").asString().equals(id))
                .toList();
    }

    /** A sync client's loop over the feed. */
    record Feed(List<JsonNode> changes, String cursor) {

        /** Reads the feed from {@code since} to its end for now. */
        static Feed drain(Api api, String since) {
            var changes = new ArrayList<JsonNode>();
            String cursor = since;
            while (true) {
                Api.Response r = api.get("/tickets/changes" + (cursor == null ? "" : "?since=" + cursor));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode page = r.json();
                page.get("changes").forEach(changes::add);
                cursor = page.get("next_cursor").asString();
                if (page.get("end_of_stream").asBoolean()) {
                    return new Feed(changes, cursor);
                }
            }
        }
    }
}
