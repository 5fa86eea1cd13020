package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;

/**
 * Tickets changed from the workspace over real HTTP: bulk actions, the ticket page's form and its
 * conflicts, new tickets and replies.
 */
class WorkspaceTicketChangeTests extends WorkspaceApiTest {

    @Test
    void bulkActionsChangeEachSelectedTicketAndHistoryNamesTheAgent() {
        String customer = "web-bulk-" + UUID.randomUUID();
        String a = newTicket(customer);
        String b = newTicket(customer);
        admin.get("/desk?customer_id=" + customer);
        Browser.Page done = admin.htmxPost(
                "/desk/bulk?ids=" + a + "&ids=" + b,
                Map.of("action", "status", "value", "in_progress", "query", "customer_id=" + customer));
        assertThat(done.body()).contains("2 tickets updated");
        assertThat(api.get("/tickets/" + a).json().get("status").asString()).isEqualTo("in_progress");
        var history = api.get("/tickets/" + b + "/history").json();
        assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo(Browser.ADMIN_NAME);

        admin.htmxPost("/desk/bulk?ids=" + a, Map.of("action", "tag_add", "value", "vip", "query", ""));
        assertThat(api.get("/tickets/" + a).json().get("tags").toString()).contains("vip");
    }

    @Test
    void aBulkActionOnAFullPageOfAThousandSelectedTicketsIsReadAndAppliedButMoreFieldsThanTomcatReadsAreNot() {
        String customer = "web-bulk-page-" + UUID.randomUUID();
        String a = newTicket(customer);
        admin.get("/desk?customer_id=" + customer);
        // The largest page holds 1,000 tickets: one of them here, the others gone meanwhile.
        String ids = "ids=" + a + ("&ids=" + UUID.randomUUID()).repeat(999);

        Browser.Page done = admin.postRaw("/desk/bulk", ids + "&action=tag_add&value=vip&query=");

        assertThat(done.body()).doesNotContain("cannot be read");
        assertThat(api.get("/tickets/" + a).json().get("tags").toString()).contains("vip");

        Browser.Page tooMany =
                admin.postRaw("/desk/bulk", "ids=" + a + "&x".repeat(2000) + "&action=tag_add&value=late&query=");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("more than 2000 fields").contains("Nothing was saved");
        assertThat(api.get("/tickets/" + a).json().get("tags").toString()).doesNotContain("late");
    }

    @Test
    void aBulkActionSaysWhichSelectedTicketWasMergedAndStillChangesTheOthers() {
        String customer = "web-bulk-merged-" + UUID.randomUUID();
        String target = newTicket(customer);
        String merged = newTicket(customer);
        String other = newTicket(customer);
        api.post("/tickets/" + target + "/merge", Map.of("source_ids", java.util.List.of(merged)));
        admin.get("/desk?customer_id=" + customer);

        Browser.Page done = admin.htmxPost(
                "/desk/bulk?ids=" + merged + "&ids=" + other,
                Map.of("action", "priority", "value", "urgent", "query", "customer_id=" + customer));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("1 ticket updated", "was merged into " + target);
        assertThat(api.get("/tickets/" + other).json().get("priority").asString())
                .isEqualTo("urgent");
    }

    @Test
    void aBulkActionReadsAnIdOnlyAsItIsWritten() {
        String customer = "web-bulk-spelling-" + UUID.randomUUID();
        // An id whose last group starts with 0, written with a sign there instead: the same number
        // to UUID.fromString, but not the ticket's id.
        String random = UUID.randomUUID().toString();
        String id = random.substring(0, 24) + "0" + random.substring(25);
        var record =
                new java.util.LinkedHashMap<>(aTicket().withCustomer(customer).build());
        record.put("id", id);
        api.send("POST", "/import/json", "application/json", Api.toJson(java.util.List.of(record)), Map.of());
        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("new");
        admin.get("/desk?customer_id=" + customer);

        Browser.Page done = admin.htmxPost(
                "/desk/bulk?ids=" + id.substring(0, 24) + "%2B" + id.substring(25),
                Map.of("action", "status", "value", "in_progress", "query", "customer_id=" + customer));

        assertThat(done.body()).contains("not a ticket id");
        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("new");
    }

    @Test
    void aTicketChangedMeanwhileShowsTheOtherChangesAndSavesNothing() {
        String id = newTicket("web-conflict-" + UUID.randomUUID());
        admin.get("/desk/tickets/" + id);
        api.patch("/tickets/" + id, Map.of("priority", "urgent"));

        Browser.Page page = admin.htmxPost(
                "/desk/tickets/" + id,
                Map.of("version", "1", "seen_at", "0", "status", "resolved", "was_status", "new"));

        assertThat(page.body()).contains("Someone else changed this ticket").contains("priority");
        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("new");
        Browser.Page again = admin.htmxPost(
                "/desk/tickets/" + id,
                Map.of("version", "2", "seen_at", "0", "status", "resolved", "was_status", "new"));
        assertThat(again.body()).contains("Saved.");
        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("resolved");
    }

    @Test
    void aHandMadeVersionThatIsNotANumberIsAnErrorNotAConflict() {
        String id = newTicket("web-version-" + UUID.randomUUID());
        admin.get("/desk/tickets/" + id);

        for (String version : List.of("abc", "", "0", "-1", "99999999999")) {
            Browser.Page page = admin.htmxPost(
                    "/desk/tickets/" + id,
                    Map.of("version", version, "seen_at", "0", "status", "resolved", "was_status", "new"));

            assertThat(page.status()).as(version).isEqualTo(200);
            assertThat(page.body())
                    .as(version)
                    .doesNotContain("Someone else changed this ticket")
                    .contains("Not saved")
                    .contains("The form&#39;s version is not a version number");
        }
        Browser.Page withoutVersion = admin.htmxPost(
                "/desk/tickets/" + id, Map.of("seen_at", "0", "status", "resolved", "was_status", "new"));
        assertThat(withoutVersion.body())
                .doesNotContain("Someone else changed this ticket")
                .contains("The form&#39;s version is not a version number");
        Browser.Page badSeenAt = admin.htmxPost(
                "/desk/tickets/" + id,
                Map.of("version", "1", "seen_at", "yesterday", "status", "resolved", "was_status", "new"));
        assertThat(badSeenAt.body()).contains("The form&#39;s seen_at is not a number");

        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("new");
        assertThat(api.get("/tickets/" + id).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aNewTicketShowsTheApisMessagesBesideTheFields() {
        admin.get("/desk/new");
        Browser.Page bad = admin.post("/desk/new", Map.of("customer_email", "not an address", "description", "short"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"error-customer_email\"").contains("value is not a valid email address");
        assertThat(bad.body()).contains("String should have at least 10 characters");
    }

    @Test
    void aReplyFromTheTicketPageIsACommentOfTheConversation() {
        String id = newTicket("web-conv-" + UUID.randomUUID());
        assertThat(admin.get("/desk/tickets/" + id).body()).contains("id=\"reply-body\"");

        var sent = admin.htmxPost("/desk/tickets/" + id + "/comments", Map.of("body", "Hello from the desk"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(admin.get("/desk/tickets/" + id).body()).contains("Hello from the desk");
    }
}
