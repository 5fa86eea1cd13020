package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Category.BILLING_QUESTION;
import static org.supportdesk.tickets.Category.BUG_REPORT;
import static org.supportdesk.tickets.Category.OTHER;
import static org.supportdesk.tickets.Category.TECHNICAL_ISSUE;
import static org.supportdesk.tickets.Priority.HIGH;
import static org.supportdesk.tickets.Priority.LOW;
import static org.supportdesk.tickets.Priority.MEDIUM;
import static org.supportdesk.tickets.Priority.URGENT;
import static org.supportdesk.tickets.Status.CLOSED;
import static org.supportdesk.tickets.Status.IN_PROGRESS;
import static org.supportdesk.tickets.Status.NEW;
import static org.supportdesk.tickets.Status.RESOLVED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

class TicketListApiTests extends ApiTest {

    private String customer;
    private final List<JsonNode> created = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void sevenTicketsOfOneCustomer() {
        customer = "list-" + UUID.randomUUID();
        List<TicketBody> tickets = List.of(
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(LOW)
                        .withStatus(NEW)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(URGENT)
                        .withStatus(IN_PROGRESS)
                        .withTags("beta"),
                aTicket()
                        .withCategory(TECHNICAL_ISSUE)
                        .withPriority(HIGH)
                        .withStatus(NEW)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BUG_REPORT)
                        .withPriority(MEDIUM)
                        .withStatus(RESOLVED)
                        .withTags("gamma"),
                aTicket()
                        .withCategory(TECHNICAL_ISSUE)
                        .withPriority(URGENT)
                        .withStatus(NEW)
                        .withTags("beta"),
                aTicket()
                        .withCategory(OTHER)
                        .withPriority(LOW)
                        .withStatus(CLOSED)
                        .withTags("alpha"),
                aTicket()
                        .withCategory(BILLING_QUESTION)
                        .withPriority(HIGH)
                        .withStatus(NEW)
                        .withTags("beta"));
        for (TicketBody ticket : tickets) {
            Api.Response response =
                    api.post("/tickets", ticket.withCustomer(customer).build());
            assertThat(response.status()).isEqualTo(201);
            created.add(response.json());
        }
        // The expected order is the spec's: created_at, ties (same millisecond) by id.
        created.sort(Comparator.comparing((JsonNode t) -> t.get("created_at").asString())
                .thenComparing(t -> t.get("id").asString()));
        created.forEach(t -> ids.add(t.get("id").asString()));
    }

    private JsonNode list(String query) {
        Api.Response response = api.get("/tickets?customer_id=" + customer + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(t -> out.add(t.get("id").asString()));
        return out;
    }

    @Test
    void listsOldestFirstByDefaultWithExactTotal() {
        JsonNode page = list("");

        assertThat(ids(page)).containsExactlyElementsOf(ids);
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersCombineAndTotalCountsAllMatches() {
        JsonNode page = list("&category=billing_question&limit=1");

        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(list("&category=billing_question&priority=high").get("total").asLong())
                .isEqualTo(1);
        assertThat(list("&status=new&tag=beta").get("total").asLong()).isEqualTo(2);
        assertThat(list("&tag=nope").get("items").size()).isZero();
    }

    @Test
    void cursorWalksEveryTicketOnceInOrder() {
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            assertThat(page.get("total").asLong()).isEqualTo(7);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    /** Every id of a list walked page by page of {@code limit}, and the totals it showed. */
    private List<String> walk(String query, int limit) {
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            Api.Response r =
                    api.get("/tickets?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            seen.addAll(ids(r.json()));
            cursor = r.json().get("next_cursor").isNull()
                    ? null
                    : r.json().get("next_cursor").asString();
        } while (cursor != null);
        return seen;
    }

    @Test
    void aTagAloneListsItsTicketsInCreationOrderBothWaysWithCursors() {
        // A tag of this test's own, with no customer filter: the walk along the tag's rows (TaggedPages).
        String tag = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> tagged = new ArrayList<>();
        List<String> taggedNew = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TicketBody body = aTicket().withCustomer(customer).withStatus(i % 2 == 0 ? NEW : CLOSED);
            String id = api.post("/tickets", (i == 3 ? body : body.withTags(tag, "other")).build())
                    .json()
                    .get("id")
                    .asString();
            if (i != 3) {
                tagged.add(id);
                if (i % 2 == 0) {
                    taggedNew.add(id);
                }
            }
        }
        // Created one after the other: creation order, ties (same millisecond) by id, as the list orders.
        List<String> expected = ids(api.get("/tickets?customer_id=" + customer + "&tag=" + tag + "&limit=100")
                .json());
        assertThat(expected).containsExactlyInAnyOrderElementsOf(tagged);

        assertThat(walk("tag=" + tag, 2)).containsExactlyElementsOf(expected);
        var newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);
        assertThat(walk("tag=" + tag + "&order=desc", 2)).containsExactlyElementsOf(newestFirst);
        assertThat(walk("tag=" + tag + "&status=new", 1))
                .containsExactlyElementsOf(
                        expected.stream().filter(taggedNew::contains).toList());
        assertThat(api.get("/tickets?tag=" + tag + "&limit=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(5);
        assertThat(api.get("/tickets?tag=" + tag + "&status=new&limit=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(taggedNew.size());
        assertThat(api.get("/tickets?tag=" + tag + "&status=resolved")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    private long total(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    @Test
    void aTotalOfCategoryPriorityAndStatusAloneAgreesWithCountingTheRows() {
        // Only counted columns: the counts table answers; with created_after the rows are counted.
        String counted = "/tickets?priority=urgent&status=new&limit=1";
        String rows = counted + "&created_after=0001-01-01T00:00:00Z";
        long before = total(counted);
        assertThat(before).isEqualTo(total(rows)).isPositive();

        api.post(
                "/tickets",
                aTicket()
                        .withCustomer(customer)
                        .withPriority(URGENT)
                        .withStatus(NEW)
                        .build());

        assertThat(total(counted)).isEqualTo(before + 1).isEqualTo(total(rows));
    }

    @Test
    void cursorStaysStableWhileTicketsAreAdded() {
        JsonNode first = list("&limit=4");
        api.post("/tickets", aTicket().withCustomer(customer).build());

        JsonNode second = list("&limit=4&cursor=" + first.get("next_cursor").asString());

        assertThat(ids(second)).startsWith(ids.get(4), ids.get(5), ids.get(6));
    }

    @Test
    void sortsByPriorityDescendingUrgentFirst() {
        JsonNode page = list("&sort=priority&order=desc");

        var priorities = new ArrayList<String>();
        page.get("items").forEach(t -> priorities.add(t.get("priority").asString()));
        assertThat(priorities).containsExactly("urgent", "urgent", "high", "high", "medium", "low", "low");
    }

    @Test
    void sortByPriorityPagesThroughEachPriorityByCreationTime() {
        var expected = new ArrayList<>(created);
        var rank = List.of("low", "medium", "high", "urgent");
        expected.sort(Comparator.comparing(
                        (JsonNode t) -> rank.indexOf(t.get("priority").asString()))
                .thenComparing(t -> t.get("created_at").asString())
                .thenComparing(t -> t.get("id").asString())
                .reversed());
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            JsonNode page = list("&sort=priority&order=desc&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(seen)
                .containsExactlyElementsOf(
                        expected.stream().map(t -> t.get("id").asString()).toList());
    }

    @Test
    void sortsByCreatedAtDescending() {
        JsonNode page = list("&order=desc&limit=2");
        JsonNode next =
                list("&order=desc&limit=2&cursor=" + page.get("next_cursor").asString());

        assertThat(ids(page)).containsExactly(ids.get(6), ids.get(5));
        assertThat(ids(next)).containsExactly(ids.get(4), ids.get(3));
    }

    @Test
    void createdAfterIsInclusiveAndCreatedBeforeExclusive() {
        JsonNode all = list("");
        String third = all.get("items").get(2).get("created_at").asString();

        List<String> after = ids(list("&created_after=" + third));
        List<String> before = ids(list("&created_before=" + third));

        assertThat(after).contains(ids.get(2));
        assertThat(before).doesNotContain(ids.get(2));
        assertThat(after.size() + before.size()).isEqualTo(7);
    }

    @Test
    void badQueryValuesAre422OnTheirName() {
        Api.Response response = api.get("/tickets?status=open&limit=5000&order=up&created_after=yesterday");

        assertThat(response.status()).isEqualTo(422);
        var locs = new ArrayList<String>();
        response.json().get("detail").forEach(p -> locs.add(p.get("loc").get(1).asString()));
        assertThat(locs).containsExactlyInAnyOrder("status", "limit", "order", "created_after");
        assertThat(api.get("/tickets?limit=0").status()).isEqualTo(422);
        assertThat(api.get("/tickets?limit=abc").status()).isEqualTo(422);
    }

    @Test
    void timestampsOutsideTheYears1To9999Are422NotAServerError() {
        for (String path : List.of("/tickets", "/tickets/stats")) {
            Api.Response after = api.get(path + "?created_after=%2B300000000-01-01T00:00:00Z");
            Api.Response before = api.get(path + "?created_before=%2B300000000-01-01");
            Api.Response yearZero = api.get(path + "?created_after=0000-12-31T00:00:00Z");

            assertThat(after.status()).as(after.body()).isEqualTo(422);
            assertThat(after.json().get("detail").get(0).get("loc").toString())
                    .isEqualTo("[\"query\",\"created_after\"]");
            assertThat(before.status()).as(before.body()).isEqualTo(422);
            assertThat(before.json().get("detail").get(0).get("loc").toString())
                    .isEqualTo("[\"query\",\"created_before\"]");
            assertThat(yearZero.status()).isEqualTo(422);
        }
        Api.Response classifyAll = api.post("/tickets/classify-all?created_after=%2B300000000-01-01", Map.of());
        assertThat(classifyAll.status()).isEqualTo(422);
        assertThat(list("&created_after=9999-12-31T23:59:59.999Z").get("total").asLong())
                .isZero();
    }

    @Test
    void theLastInstantsOfYear9999WithMoreDigitsThanMillisecondsAreInRange() {
        // RFC 3339 allows any number of digits (Python's datetime six); until 2026-11-28 a time in
        // the last millisecond of 9999 with more digits than three was refused as outside 1-9999.
        for (String at : List.of("9999-12-31T23:59:59.9999Z", "9999-12-31T23:59:59.999999999Z")) {
            String encoded = java.net.URLEncoder.encode(at, java.nio.charset.StandardCharsets.UTF_8);
            Api.Response after = api.get("/tickets?limit=1&created_after=" + encoded);
            assertThat(after.status()).as(at + ": " + after.body()).isEqualTo(200);
            assertThat(after.json().get("total").asLong()).isZero();
            Api.Response inQ = api.get("/tickets?limit=1&q="
                    + java.net.URLEncoder.encode("created>=" + at, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(inQ.status()).as(at + ": " + inQ.body()).isEqualTo(200);
            assertThat(inQ.json().get("total").asLong()).isZero();
        }
    }

    @Test
    void aNulFilterWithACursorMatchesNothing() {
        String cursor = list("&limit=2").get("next_cursor").asString();

        // The NUL filter alone: no other condition comes before the cursor's (the WHERE clause
        // was once opened twice then).
        Api.Response page = api.get("/tickets?tag=%00&limit=2&cursor=" + cursor);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isZero();
        assertThat(page.json().get("total").asLong()).isZero();
    }

    @Test
    void aCursorWithItsDigitsEditedIs422() {
        String cursor = list("&limit=2").get("next_cursor").asString();
        int dot = cursor.indexOf('.');
        String payload = dot < 0 ? cursor : cursor.substring(0, dot);
        String text = new String(java.util.Base64.getUrlDecoder().decode(payload));
        // The creation time of the page's last ticket, one millisecond later.
        var digits = java.util.regex.Pattern.compile("\\|(\\d{13})\\|").matcher(text);
        assertThat(digits.find()).as(text).isTrue();
        String edited = text.replace(digits.group(1), Long.toString(Long.parseLong(digits.group(1)) + 1));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes())
                + (dot < 0 ? "" : cursor.substring(dot));

        Api.Response response = api.get("/tickets?customer_id=" + customer + "&limit=2&cursor=" + forged);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
    }

    @Test
    void theFiltersAreDescribedOnEveryEndpointThatTakesThem() {
        JsonNode paths = api.get("/openapi.json").json().get("paths");
        var filters = List.of(
                "category",
                "priority",
                "status",
                "assigned_to",
                "customer_id",
                "tag",
                "created_after",
                "created_before",
                "sla",
                "q");

        assertThat(parameters(paths.get("/tickets").get("get")))
                .containsExactlyElementsOf(
                        Stream.concat(filters.stream(), Stream.of("sort", "order", "limit", "cursor", "exact_total"))
                                .toList());
        assertThat(parameters(paths.get("/tickets/stats").get("get"))).containsExactlyElementsOf(filters);
        assertThat(parameters(paths.get("/tickets/classify-all").get("post")))
                .containsExactlyElementsOf(
                        Stream.concat(filters.stream(), Stream.of("force")).toList());
        assertThat(parameters(paths.get("/search").get("get")))
                .isEqualTo(parameters(paths.get("/tickets").get("get")));
        JsonNode exactTotal = paths.get("/tickets").get("get").get("parameters").get(14);
        assertThat(exactTotal.get("schema").get("type").asString()).isEqualTo("boolean");
        JsonNode priority = paths.get("/tickets").get("get").get("parameters").get(1);
        assertThat(priority.get("schema").get("enum").toString()).isEqualTo("[\"low\",\"medium\",\"high\",\"urgent\"]");
    }

    private static List<String> parameters(JsonNode operation) {
        var names = new ArrayList<String>();
        operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    @Test
    void cursorNotIssuedByTheServerOrForAnotherOrderIs422() {
        String cursor = list("&limit=2").get("next_cursor").asString();

        Api.Response forged = api.get("/tickets?cursor=bm90LWEtY3Vyc29y");
        Api.Response otherOrder = api.get("/tickets?order=desc&cursor=" + cursor);

        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
        assertThat(otherOrder.status()).isEqualTo(422);
    }

    @Test
    void statsCountEveryEnumValueAndAcceptFilters() {
        JsonNode stats = api.get("/tickets/stats?customer_id=" + customer).json();

        assertThat(stats.get("total").asLong()).isEqualTo(7);
        assertThat(stats.get("by_category").get("billing_question").asLong()).isEqualTo(3);
        assertThat(stats.get("by_category").get("account_access").asLong()).isZero();
        assertThat(stats.get("by_category").size()).isEqualTo(6);
        assertThat(stats.get("by_priority").size()).isEqualTo(4);
        assertThat(stats.get("by_status").size()).isEqualTo(5);
        assertThat(stats.get("by_status").get("new").asLong()).isEqualTo(4);
        JsonNode filtered =
                api.get("/tickets/stats?customer_id=" + customer + "&tag=beta").json();
        assertThat(filtered.get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/tickets/stats?priority=asap").status()).isEqualTo(422);
    }

    @Test
    void statsFromTheCountsTableAgreeWithCountingTheRows() {
        assertThat(api.patch("/tickets/" + ids.get(0), Map.of("status", "closed", "category", "other"))
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/tickets/" + ids.get(1)).status()).isEqualTo(204);

        for (String filter : List.of("", "?category=billing_question", "?status=closed&priority=low")) {
            JsonNode fast = api.get("/tickets/stats" + filter).json();
            // A created_after far in the past matches every ticket but forces a real count.
            String sep = filter.isEmpty() ? "?" : "&";
            JsonNode counted = api.get("/tickets/stats" + filter + sep + "created_after=2000-01-01")
                    .json();
            assertThat(fast).isEqualTo(counted);
        }
    }
}
