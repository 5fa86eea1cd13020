package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Priority.URGENT;
import static org.supportdesk.tickets.Status.NEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * Ticket lists and stats over real HTTP filtered: filters combined, exact totals, time ranges and
 * their bounds, bad values, and the filters' description.
 */
class TicketListFilterApiTests extends SevenTicketsApiTest {

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
