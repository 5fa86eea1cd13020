package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** The workspace over real HTTP: pages, forms, CSRF, roles, and the API beside it unchanged. */
class WorkspaceTests extends ApiTest {

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
    }

    /** A new agent with this role, invited by {@code admin}, who set a password and signed in. */
    static Browser invitedAgent(Browser admin, int port, String role) {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        String name = "Agent " + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page invited = admin.post("/desk/admin/agents", Map.of("email", email, "name", name, "role", role));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"));
        return agent.signIn(email, "twelve chars ok");
    }

    private String newTicket(String customer) {
        return api.post("/tickets", aTicket().withCustomer(customer).build())
                .json()
                .get("id")
                .asString();
    }

    @Test
    void rootAnswersProgramsWithNameAndVersionAndSendsBrowsersToTheWorkspace() {
        Api.Response json = api.withKey(null).get("/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("name").asString()).isEqualTo("Supportdesk");
        assertThat(json.json().get("version").asString()).isNotBlank();

        Browser.Page html = new Browser(port).get("/");
        assertThat(html.status()).isEqualTo(302);
        assertThat(html.location()).endsWith("/desk");
    }

    @Test
    void pagesNeedASignInAndTheSetupIsOverOnceAnAdminExists() {
        var stranger = new Browser(port);
        assertThat(stranger.get("/desk").location()).endsWith("/login");
        assertThat(stranger.get("/setup").location()).endsWith("/login");
        assertThat(stranger.htmxGet("/desk/list").headers().firstValue("HX-Redirect"))
                .hasValue("/login");
    }

    @Test
    void thePageToReturnToAfterSignInIsKeptInACookieOtherSitesDoNotSend() {
        Browser.Page page = new Browser(port).get("/desk/dashboard");

        assertThat(page.location()).endsWith("/login");
        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("REDIRECT_URI="))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        var guesser = new Browser(port);
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        guesser.get("/login");
        // Five tries per email (SignInThrottle.PER_EMAIL), each counted once, then a wait.
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post("/login", Map.of("email", email, "password", "wrong password " + i))
                            .location())
                    .as("try %d", i + 1)
                    .endsWith("/login?error");
        }
        assertThat(guesser.post("/login", Map.of("email", email, "password", "x"))
                        .location())
                .contains("/login?wait=");
    }

    /**
     * A sibling site (evil.example.com beside desk.example.com) is "same-site": the session cookie
     * (SameSite=Lax) goes with its forms, and it can plant its own CSRF cookie, whose token it then
     * knows. The browser says where a form comes from (Sec-Fetch-Site): only the workspace's own
     * pages may send one.
     */
    @Test
    void aFormFromAnotherSiteIsRefusedEvenWithAValidTokenAndSavesNothing() {
        admin.get("/desk");
        String name = "planted-" + UUID.randomUUID();

        for (String site : List.of("same-site", "cross-site")) {
            Browser.Page refused = admin.postWithHeaders(
                    "/desk/views", Map.of("name", name, "query", "status=new"), Map.of("Sec-Fetch-Site", site));
            assertThat(refused.status()).as(site).isEqualTo(403);
            assertThat(refused.body()).contains("came from another site");
        }
        assertThat(admin.get("/desk").body()).doesNotContain(name);

        Browser.Page own = admin.postWithHeaders(
                "/desk/views", Map.of("name", name, "query", "status=new"), Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(own.status()).isEqualTo(302);
        assertThat(admin.get("/desk").body()).contains(name);
    }

    @Test
    void aSignInWithAnEmailNoAccountCouldHaveIsAWrongPasswordNotAFailure() {
        var stranger = new Browser(port);
        stranger.get("/login");

        Browser.Page nul =
                stranger.post("/login", Map.of("email", "a\u0000b@example.com", "password", "whatever it is"));

        assertThat(nul.status()).isEqualTo(302);
        assertThat(nul.location()).endsWith("/login?error");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Browser.Page page = admin.post("/desk/new", Map.of("_csrf", "forged", "subject", "x"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("expired");
    }

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
    void anAdminInvitesAnAgentWhoSetsAPasswordAndSignsIn() {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        String name = "Agent " + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page invited = admin.post("/desk/admin/agents", Map.of("email", email, "name", name, "role", "viewer"));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        assertThat(agent.post(link, Map.of("password", "too short", "confirm", "too short"))
                        .body())
                .contains("at least 12 characters");
        assertThat(agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"))
                        .location())
                .endsWith("/login?password-set");
        agent.signIn(email, "twelve chars ok");
        assertThat(agent.get("/desk").status()).isEqualTo(200);
        // A viewer reads but does not change, and has no admin screens.
        assertThat(agent.get("/desk/admin").status()).isEqualTo(403);
        agent.get("/desk");
        assertThat(agent.htmxPost("/desk/bulk", Map.of("action", "classify")).status())
                .isEqualTo(403);
        // The link works once.
        assertThat(new Browser(port).get(link).body()).contains("This link does not work");
    }

    @Test
    void anEmailIsReadAtSignInAsItWasReadAtTheInvitation() {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        // Typed with a Japanese input method, the space after the address is U+3000; the invitation
        // dropped it, so the sign-in must too.
        Browser.Page invited = admin.post(
                "/desk/admin/agents", Map.of("email", email + "\u3000", "name", "Ideographic", "role", "viewer"));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"));

        agent.signIn(email.toUpperCase(java.util.Locale.ROOT) + "\u3000", "twelve chars ok");

        assertThat(agent.get("/desk").status()).isEqualTo(200);
    }

    @Test
    void theApiIgnoresWorkspaceCookiesAndStillWantsAKey() {
        admin.get("/desk");
        assertThat(api.withKey(null).get("/tickets").status()).isEqualTo(401);
    }

    @Test
    void aReplyFromTheTicketPageIsACommentOfTheConversation() {
        String id = newTicket("web-conv-" + UUID.randomUUID());
        assertThat(admin.get("/desk/tickets/" + id).body()).contains("id=\"reply-body\"");

        var sent = admin.htmxPost("/desk/tickets/" + id + "/comments", Map.of("body", "Hello from the desk"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(admin.get("/desk/tickets/" + id).body()).contains("Hello from the desk");
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
