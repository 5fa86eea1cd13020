package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Queries at the edges of the language, on both databases: parentheses nested too deep, queries
 * whose words hold no letter or digit, the `total_exact` of queries without words, and relevance
 * cursors replayed with another query (adversarial report of 2026-11-27).
 */
class SearchQueryEdgeTests extends ApiTest {

    private String customer;
    private String word;

    @BeforeEach
    void aCustomerOfThisTest() {
        customer = "edge-" + UUID.randomUUID();
        // Letters only (a word of its own to the engines), one for each of 8 random hex digits.
        var letters = new StringBuilder("zq");
        UUID.randomUUID()
                .toString()
                .chars()
                .filter(c -> c != '-')
                .limit(8)
                .forEach(c -> letters.append((char) ('a' + Character.digit(c, 16))));
        word = letters.append('x').toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String create(String subject, String priority) {
        Api.Response r = api.post(
                "/tickets",
                aTicket()
                        .withCustomer(customer)
                        .withSubject(subject)
                        .withDescription("Something about " + subject)
                        .with("priority", priority)
                        .build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private JsonNode list(String q, String more) {
        Api.Response r = api.get("/tickets?q=" + enc(q) + "&customer_id=" + customer + more);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /tickets",
                "GET /search",
                "GET /tickets/stats",
                "GET /tickets/export",
                "POST /tickets/classify-all"
            })
    void parenthesesNestedTooDeepAreA422ThatSaysWhereOnEveryEndpointThatTakesQ(String endpoint) {
        String[] method = endpoint.split(" ");
        for (String q : List.of("(".repeat(400), "(".repeat(360) + "a" + ")".repeat(360), "a -(".repeat(100))) {
            String path = method[1] + "?q=" + enc(q);
            Api.Response r = method[0].equals("GET") ? api.get(path) : api.post(path, Map.of());

            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode problem = r.json().get("detail").get(0);
            assertThat(problem.get("loc").toString()).isEqualTo("[\"query\",\"q\"]");
            assertThat(problem.get("msg").asString()).contains("at position", "more than 20");
        }
    }

    @Test
    void parenthesesUpTo20DeepAreSearched() {
        String id = create("Nested " + word, "high");

        assertThat(ids(list("(".repeat(20) + word + ")".repeat(20), ""))).containsExactly(id);
        // As deep as it may go with OR and exclusions at every level: each engine reads it too.
        String deep = ("(" + word + " OR (zzqq -(qqzz ").repeat(6) + word + ")))".repeat(6);
        assertThat(ids(list(deep, ""))).containsExactly(id);
    }

    @Test
    void aQueryWhoseWordsHoldNoLetterOrDigitMatchesNothing() {
        create("Emoji " + word, "high");
        create("Other " + word, "low");

        for (String q : List.of("😀", "&", "...", "\"*\"", "—", "😀 priority:high", "😀 -" + word, "(😀 OR &)")) {
            JsonNode page = list(q, "");
            assertThat(page.get("total").asLong()).as(q).isZero();
            assertThat(page.get("items").size()).as(q).isZero();
        }
    }

    @Test
    void wordsWithoutLettersBesideSearchableWordsAreLeftOutAndTheirExclusionExcludesNothing() {
        String high = create("Rock and roll " + word, "high");
        String low = create("Other " + word, "low");

        assertThat(ids(list("-😀", ""))).containsExactlyInAnyOrder(high, low);
        assertThat(ids(list("-😀 priority:high", ""))).containsExactly(high);
        assertThat(ids(list(word + " & roll", ""))).containsExactly(high);
        assertThat(ids(list(word + " -😀", ""))).containsExactlyInAnyOrder(high, low);
        assertThat(ids(list("rock OR 😀", ""))).containsExactly(high);
    }

    @Test
    void aSideOfOrWithoutLettersOrAWordOfNulAddsNothingAndMatchesNothingAlone() {
        String login = create("Login fails " + word, "high");
        String other = create("Other " + word, "low");

        for (String side : List.of("😀", "...", "\u0000", "\"\u0000\"")) {
            assertThat(ids(list("login OR " + side, ""))).as(side).containsExactly(login);
            assertThat(ids(list(side + " OR login", ""))).as(side).containsExactly(login);
            assertThat(ids(list(side + " OR " + side, ""))).as(side).isEmpty();
            assertThat(ids(list(side, "&sort=created_at"))).as(side).isEmpty();
            assertThat(ids(list(word + " -" + side, ""))).as(side).containsExactlyInAnyOrder(login, other);
        }
        // NUL between letters separates them, as any other character without a letter or digit.
        assertThat(ids(list("login\u0000fails", ""))).containsExactly(login);
        assertThat(ids(list("\"fails\u0000login\"", ""))).isEmpty();
        // In a field's value it is compared whole and, as in every list filter, matches nothing.
        assertThat(ids(list("login customer:" + customer + "\u0000", ""))).isEmpty();
        assertThat(ids(list(word + " tag:\"vip\u0000\"", ""))).isEmpty();
        assertThat(api.get("/tickets/stats?customer_id=" + customer + "&q=" + enc("login OR \u0000"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void statsExportAndClassifyAllOfAWordlessQueryTouchNothing() {
        create("Refund please " + word, "high");
        create("Refund again " + word, "low");
        String narrowed = "customer_id=" + customer + "&q=" + enc("😀");

        assertThat(api.get("/tickets/stats?" + narrowed).json().get("total").asLong())
                .isZero();
        Api.Response export = api.get("/tickets/export?format=ndjson&" + narrowed);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).as("no ticket line").isBlank();
        Api.Response classified = api.post("/tickets/classify-all?force=true&" + narrowed, Map.of());
        assertThat(classified.status()).as(classified.body()).isEqualTo(200);
        assertThat(classified.json().size()).isZero();
        // The exclusion of such a word excludes nothing: both tickets.
        assertThat(api.get("/tickets/stats?customer_id=" + customer + "&q=" + enc("-😀"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void aQueryWithoutWordsSaysItsTotalIsExact() {
        create("Fields only " + word, "high");
        create("Fields only " + word, "low");

        for (String q : List.of("priority:high", "-" + word, "-nothingsuchzq", "😀")) {
            JsonNode page = list(q, "");
            assertThat(page.get("total_exact").isBoolean()).as(q).isTrue();
            assertThat(page.get("total_exact").asBoolean()).as(q).isTrue();
        }
        // A list without q has no total_exact, as the original service (SPEC §4).
        assertThat(api.get("/tickets?customer_id=" + customer).json().has("total_exact"))
                .isFalse();
    }

    @Test
    void aRelevanceCursorIsGoodOnlyForTheQueryAndFiltersItWasIssuedFor() {
        for (int i = 0; i < 4; i++) {
            create("Password reset " + word, i % 2 == 0 ? "high" : "low");
        }
        String q = word + " priority:high status:new";
        String next = list(q, "&limit=1").get("next_cursor").asString();

        // The same query and filters, the parameters and the fields of q in another order: accepted.
        Api.Response same = api.get("/tickets?limit=1&cursor=" + next + "&customer_id=" + customer + "&q="
                + enc("status:new " + word + " priority:high"));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("items").size()).isEqualTo(1);

        for (String other : List.of(
                "&q=" + enc("login priority:high status:new") + "&customer_id=" + customer,
                "&q=" + enc(word + " priority:low status:new") + "&customer_id=" + customer,
                "&q=" + enc(q) + "&customer_id=" + customer + "&tag=vip",
                "&q=" + enc(q),
                "&q=&customer_id=" + customer)) {
            Api.Response r = api.get("/tickets?limit=1&cursor=" + next + other);
            assertThat(r.status()).as(other + ": " + r.body()).isEqualTo(422);
            JsonNode problem = r.json().get("detail").get(0);
            assertThat(problem.get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
            assertThat(problem.get("msg").asString()).containsAnyOf("another search", "another sort");
        }
    }

    @Test
    void aCursorReplayedWithAQThatChangesTheDefaultOrderSaysTheSearchChangedNotTheSort() {
        for (int i = 0; i < 3; i++) {
            create("Password reset " + word, "high");
        }
        String ranked = list(word, "&limit=1").get("next_cursor").asString();
        String listed = list("", "&limit=1").get("next_cursor").asString();

        // No sort was given: the order changed because q did (no words to rank by, or words where
        // there were none). Until 2026-11-28 this said "repeat the same sort and order".
        for (String request : List.of(
                "&cursor=" + ranked + "&q=",
                "&cursor=" + ranked + "&q=" + enc("-" + word),
                "&cursor=" + ranked + "&q=" + enc("priority:high"),
                "&cursor=" + listed + "&q=" + enc(word))) {
            Api.Response r = api.get("/tickets?limit=1&customer_id=" + customer + request);
            assertThat(r.status()).as(request + ": " + r.body()).isEqualTo(422);
            assertThat(r.json().get("detail").get(0).get("msg").asString())
                    .as(request)
                    .startsWith("The cursor was made for another search");
        }
        // A sort or order asked for is what changed.
        for (String request : List.of(
                "&cursor=" + ranked + "&q=" + enc(word) + "&sort=created_at", "&cursor=" + listed + "&order=desc")) {
            Api.Response r = api.get("/tickets?limit=1&customer_id=" + customer + request);
            assertThat(r.json().get("detail").get(0).get("msg").asString())
                    .as(request)
                    .startsWith("The cursor was made for another sort or order");
        }
    }

    @Test
    void cursorsOfOtherOrdersStillPageWithAndWithoutQ() {
        var created = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            created.add(create("Paging " + word, "high"));
        }
        for (String q : List.of("", "&q=" + enc(word), "&q=" + enc("priority:high"))) {
            var seen = new ArrayList<String>();
            String cursor = null;
            do {
                Api.Response r = api.get("/tickets?sort=created_at&limit=1&customer_id=" + customer + q
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                seen.addAll(ids(r.json()));
                cursor = r.json().get("next_cursor").isNull()
                        ? null
                        : r.json().get("next_cursor").asString();
            } while (cursor != null);
            assertThat(seen).as(q).containsExactlyElementsOf(created);
        }
    }
}
