package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workspace's inbox over real HTTP: filters, pages and counts as the API has them, and the
 * dashboard, import and admin pages.
 */
class WorkspaceInboxTests extends WorkspaceApiTest {

    @Test
    void theInboxListsFilteredTicketsAndPagesThroughThem() {
        String customer = "web-inbox-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            newTicket(customer);
        }
        Browser.Page first = admin.get("/desk?customer_id=" + customer + "&limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body())
                .contains("<strong>3</strong>")
                .contains("rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        String next = first.body()
                .replaceAll("(?s).*href=\"([^\"]+)\"[^>]*rel=\"next\".*", "$1")
                .replace("&amp;", "&");
        Browser.Page second = admin.htmxGet(next.replace("/desk?", "/desk/list?"));
        assertThat(second.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(second.body().split("data-row").length - 1).isEqualTo(1);
    }

    @Test
    void theInboxSearchReadsANulAtTheEndOfTheQueryAsTheApiDoes() {
        String customer = "web-nul-" + UUID.randomUUID();
        newTicket(customer);

        // A side of OR without letters adds nothing (docs/SEARCH.md): the query finds what its
        // other side finds, in the inbox as in the API.
        Browser.Page page = admin.get("/desk?customer_id=" + customer + "&q=export%20OR%20%00");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>1</strong>");
        assertThat(api.get("/tickets?customer_id=" + customer + "&q=export%20OR%20%00")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theSearchBoxAndTheSlaViewAppearWithTheFiltersThatServeThem(
            @org.springframework.beans.factory.annotation.Autowired org.supportdesk.tickets.TicketDesk desk) {
        String inbox = admin.get("/desk").body();
        assertThat(inbox.contains("id=\"f-q\"")).isEqualTo(desk.takes("q"));
        assertThat(inbox.contains("SLA breached")).isEqualTo(desk.takes("sla"));
        assertThat(inbox.contains("id=\"f-sla\"")).isEqualTo(desk.takes("sla"));
        assertThat(desk.takes("status")).isTrue();
        assertThat(desk.takes("no_such_filter")).isFalse();
        // The search, whichever field it is, is what / focuses.
        assertThat(inbox)
                .containsPattern(
                        desk.takes("q")
                                ? "name=\"q\"[^>]*data-shortcut-search"
                                : "name=\"customer_id\"[^>]*data-shortcut-search");
    }

    @Test
    void filtersTheListDoesNotTakeAreKeptOutOfItsLinks() {
        String customer = "web-links-" + UUID.randomUUID();
        newTicket(customer);
        newTicket(customer);
        String page =
                admin.get("/desk?customer_id=" + customer + "&limit=1&bogus=1").body();
        assertThat(page).contains("customer_id=" + customer).doesNotContain("bogus");
    }

    @Test
    void openTicketsAreCountedExactlyFromTheCountsTable(
            @org.springframework.beans.factory.annotation.Autowired org.supportdesk.tickets.TicketDesk desk) {
        newTicket("web-count-" + UUID.randomUUID());
        var byStatus = api.get("/tickets/stats").json().get("by_status");
        long open = byStatus.get("new").asLong()
                + byStatus.get("in_progress").asLong()
                + byStatus.get("waiting_customer").asLong();
        assertThat(desk.count(name -> name.equals("open") ? "true" : null)).isEqualTo(open);
        long urgentOpen = api.get("/tickets/stats?priority=urgent")
                        .json()
                        .get("by_status")
                        .get("new")
                        .asLong()
                + api.get("/tickets/stats?priority=urgent")
                        .json()
                        .get("by_status")
                        .get("in_progress")
                        .asLong()
                + api.get("/tickets/stats?priority=urgent")
                        .json()
                        .get("by_status")
                        .get("waiting_customer")
                        .asLong();
        assertThat(desk.count(name -> switch (name) {
                    case "open" -> "true";
                    case "priority" -> "urgent";
                    default -> null;
                }))
                .isEqualTo(urgentOpen);
    }

    @Test
    void openOnlyListsTheTicketsStillBeingWorked() {
        String customer = "web-open-" + UUID.randomUUID();
        String waiting = newTicket(customer);
        String done = newTicket(customer);
        String closed = newTicket(customer);
        api.patch("/tickets/" + waiting, Map.of("status", "waiting_customer"));
        api.patch("/tickets/" + done, Map.of("status", "resolved"));
        api.patch("/tickets/" + closed, Map.of("status", "closed"));
        newTicket(customer);
        String page = admin.get("/desk?open=true&customer_id=" + customer).body();
        assertThat(page)
                .contains("<strong>2</strong>")
                .contains(waiting)
                .doesNotContain(done)
                .doesNotContain(closed);
    }

    @Test
    void beyondAThousandMatchesTheInboxSaysSoInsteadOfCountingThemAll() {
        String customer = "web-many-" + UUID.randomUUID();
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        for (int i = 0; i < 1001; i++) {
            csv.append(customer)
                    .append(",ann@example.com,Ann Lee,Question ")
                    .append(i)
                    .append(",A question about the plan and its price.\n");
        }
        assertThat(api.sendBytes(
                                "POST",
                                "/import/csv",
                                "text/csv",
                                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .json()
                        .get("success_count")
                        .asLong())
                .isEqualTo(1001);
        assertThat(admin.get("/desk?customer_id=" + customer + "&limit=25").body())
                .contains("<strong>1000+</strong> <span>tickets</span>");
        assertThat(api.get("/tickets?limit=1&customer_id=" + customer)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1001);
    }

    @Test
    void theDashboardShowsTheMedianFirstResponseOnceAnAgentAnswered() {
        String id = newTicket("web-first-response-" + UUID.randomUUID());
        admin.get("/desk/tickets/" + id); // the page whose form (and CSRF token) the reply is sent from
        assertThat(admin.htmxPost("/desk/tickets/" + id + "/comments", Map.of("body", "Looking into it"))
                        .status())
                .isEqualTo(200);

        assertThat(admin.get("/desk/dashboard").body())
                .contains("Median first-response time")
                .doesNotContain("no ticket answered");
    }

    @Test
    void dashboardAndImportAndAdminRender() {
        assertThat(admin.get("/desk/dashboard").body())
                .contains("Created and resolved")
                .contains("<svg");
        assertThat(admin.get("/desk/import").body()).contains("type=\"file\"");
        assertThat(admin.get("/desk/admin").body())
                .contains("Classification rules in use")
                .contains("id=\"model-title\"");
    }
}
