package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * Search through the API on both databases: stemming, phrases, exclusion, OR, prefixes, fields,
 * relevance with cursor paging, highlights, and an index that follows every write. Each test's
 * tickets carry a word of their own (and a customer of their own), so that tests see only theirs.
 */
class SearchApiTests extends ApiTest {

    private static final Random RANDOM = new Random();

    private String customer;
    private String word;

    @BeforeEach
    void aWordAndACustomerOfThisTest() {
        customer = "search-" + UUID.randomUUID();
        word = unique();
    }

    /** A made-up word of letters only, which no other test uses and no stemmer changes much. */
    private static String unique() {
        var w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.append('x').toString();
    }

    private TicketBody ticket(String subject, String description) {
        return aTicket().withCustomer(customer).withSubject(subject).withDescription(description);
    }

    private String create(TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private JsonNode search(String q, String more) {
        Api.Response r = api.get("/tickets?q=" + enc(q) + more);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The ids found for {@code q} among this test's tickets. */
    private List<String> found(String q) {
        return ids(search(q, "&customer_id=" + customer));
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void wordsAreStemmedSoChargedFindsCharge() {
        String charged = create(ticket("Charged twice " + word, "My card was charged twice for one invoice."));
        String other = create(ticket("Login problem " + word, "I cannot sign in since this morning."));

        assertThat(found("charge")).containsExactly(charged);
        assertThat(found("charges " + word)).containsExactly(charged);
        assertThat(found(word)).containsExactlyInAnyOrder(charged, other);
    }

    @Test
    void everyWordMustMatchAndAPhraseMustMatchInOrder() {
        String inOrder = create(ticket("Billing " + word, "The invoice shows I was charged twice this month."));
        String reversed = create(ticket("Billing " + word, "Twice now the card was charged for the same thing."));

        assertThat(found(word + " charged twice")).containsExactlyInAnyOrder(inOrder, reversed);
        assertThat(found(word + " \"charged twice\"")).containsExactly(inOrder);
    }

    @Test
    void excludedWordsOrAlternativesAndPrefixes() {
        String refund = create(ticket("Refund please " + word, "I want a refund for the duplicate payment."));
        String chargeback = create(ticket("Chargeback " + word, "My bank opened a chargeback for the payment."));
        String password = create(ticket("Password reset " + word, "The reset link in the email has expired."));

        assertThat(found(word + " -refund")).containsExactlyInAnyOrder(chargeback, password);
        assertThat(found(word + " NOT \"duplicate payment\"")).containsExactlyInAnyOrder(chargeback, password);
        assertThat(found(word + " refund OR chargeback")).containsExactlyInAnyOrder(refund, chargeback);
        assertThat(found(word + " pass*")).containsExactly(password);
        assertThat(found("-" + word)).isEmpty();
    }

    @Test
    void customerNameAndEmailAreSearchedToo() {
        String mine = create(ticket("Question " + word, "Where do I find the invoices of last year?")
                .with("customer_name", "Zelda Quirrellson")
                .withEmail("zelda.q@example.org"));

        assertThat(found("quirrellson")).containsExactly(mine);
        assertThat(found("zelda.q@example.org")).containsExactly(mine);
    }

    @Test
    void fieldsNarrowTheSearchAndCombineWithTheListFilters() {
        String urgentNew = create(ticket("Outage " + word, "Everything is down for the whole team.")
                .withPriority(Priority.URGENT)
                .withStatus(Status.NEW)
                .withTags("vip")
                .withAssignee("maria"));
        String lowClosed = create(ticket("Outage " + word, "Was down yesterday, fine again now.")
                .withPriority(Priority.LOW)
                .withStatus(Status.CLOSED)
                .withCategory(Category.OTHER));

        assertThat(found(word + " priority:urgent")).containsExactly(urgentNew);
        assertThat(found(word + " status:closed")).containsExactly(lowClosed);
        assertThat(found(word + " category:other")).containsExactly(lowClosed);
        assertThat(found(word + " tag:vip")).containsExactly(urgentNew);
        assertThat(found(word + " assignee:maria")).containsExactly(urgentNew);
        assertThat(found(word + " assignee:none")).containsExactly(lowClosed);
        assertThat(found(word + " created>2000-01-01 updated<9000-01-01")).hasSize(2);
        assertThat(found(word + " created<2000-01-01")).isEmpty();
        // With the list's own filters: all of them apply.
        assertThat(ids(search(word, "&customer_id=" + customer + "&priority=low")))
                .containsExactly(lowClosed);
        assertThat(ids(search(word + " priority:urgent", "&customer_id=" + customer + "&priority=low")))
                .isEmpty();
        // Only fields, no words: a filtered list, oldest first.
        assertThat(ids(search("status:new tag:vip", "&customer_id=" + customer)))
                .containsExactly(urgentNew);
    }

    @Test
    void assigneeMeIsTheCallersKeyName() {
        String key = api.post("/api-keys", Map.of("name", "searcher-" + word, "role", "agent"))
                .json()
                .get("key")
                .asString();
        String mine = create(
                ticket("Mine " + word, "Assigned to the key that searches.").withAssignee("searcher-" + word));
        create(ticket("Not mine " + word, "Assigned to someone else entirely."));

        Api.Response r = api.withKey(key).get("/tickets?q=" + enc(word + " assignee:me"));

        assertThat(ids(r.json())).containsExactly(mine);
    }

    @Test
    void customerFieldTakesTheIdTheEmailOrTheName() {
        String mine = create(ticket("Hello " + word, "A ticket of a customer with a name.")
                .with("customer_name", "Quentin Vexley")
                .withEmail("q.vexley@example.net"));

        assertThat(ids(search(word + " customer:" + customer, ""))).containsExactly(mine);
        assertThat(ids(search(word + " customer:q.vexley@example.net", ""))).containsExactly(mine);
        assertThat(ids(search(word + " customer:\"quentin vexley\"", ""))).containsExactly(mine);
        assertThat(ids(search(word + " customer:\"vexley quentin\"", ""))).isEmpty();
    }

    /**
     * Seven matches imported oldest first (so stored in the order of their creation on both
     * databases), the word repeated 1-3 times in the subject for differing scores.
     */
    private List<String> sevenMatchesOldestFirst() {
        var tickets = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 7; i++) {
            tickets.add(ticket(
                            (word + " ").repeat(1 + i % 3) + "case " + i, "Text of case " + i + " with " + word + ".")
                    .with("id", UUID.randomUUID().toString())
                    .with("created_at", "2026-0" + (i + 1) + "-10T09:00:00Z")
                    .build());
        }
        Api.Response r = api.post("/import/json", tickets);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return tickets.stream().map(t -> (String) t.get("id")).toList();
    }

    /** Every hit of a relevance search, page after page of {@code limit}: ids and scores. */
    private List<JsonNode> everyHit(String q, int limit) {
        var hits = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            JsonNode page = search(
                    q, "&customer_id=" + customer + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("total").asLong()).isEqualTo(7);
            page.get("items").forEach(hits::add);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);
        return hits;
    }

    private static List<Double> scores(List<JsonNode> hits) {
        return hits.stream().map(h -> h.get("score").asDouble()).toList();
    }

    @Test
    void relevanceRanksTheNewestMatchesWindowByWindowAndItsCursorsPageThroughEveryHitOnce() {
        List<String> oldestFirst = sevenMatchesOldestFirst();
        // Both databases rank windows of five on the shared server (ApiTest): the five newest best
        // first, then the two oldest (PostgreSQL ranked every match as one window until 2026-11-28).
        int window = 5;

        for (int limit : new int[] {1, 2, 3, 7, 100}) {
            List<JsonNode> hits = everyHit(word, limit);
            List<String> seen = hits.stream().map(h -> h.get("id").asString()).toList();
            assertThat(seen).as("limit " + limit).doesNotHaveDuplicates().hasSize(7);
            // Every hit is highlighted, on pages that span two windows too.
            assertThat(hits)
                    .allSatisfy(h -> assertThat(h.get("highlight").asString()).contains("<mark>" + word + "</mark>"));
            assertThat(seen.subList(0, window)).containsExactlyInAnyOrderElementsOf(oldestFirst.subList(7 - window, 7));
            assertThat(scores(hits.subList(0, window))).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(scores(hits.subList(window, 7))).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            // The better match first within a window: three times the word beats once.
            assertThat(scores(hits).get(0)).isGreaterThan(scores(hits).get(window - 1));
        }

        // A relevance cursor is signed like any other.
        JsonNode first = search(word, "&customer_id=" + customer + "&limit=3");
        String cursor1 = first.get("next_cursor").asString();
        // The last digit edited (a MAC's last base64 digit is one of four, 'A' among them).
        String forged = cursor1.substring(0, cursor1.length() - 1) + (cursor1.endsWith("A") ? "Q" : "A");
        assertThat(api.get("/tickets?q=" + word + "&limit=3&cursor=" + forged).status())
                .isEqualTo(422);
    }

    @Test
    void theTotalOfASearchCountsEveryMatchWhetherItFitsInAWindowOrNot() {
        // Fewer matches than a window (five on the shared server): the window's own count is the total.
        create(ticket("Printer " + word, "The printer jams.").withPriority(Priority.HIGH));
        create(ticket("Scanner " + word, "The scanner is slow.").withPriority(Priority.HIGH));
        create(ticket("Monitor " + word, "The monitor flickers.").withPriority(Priority.LOW));
        assertThat(search(word, "&customer_id=" + customer + "&limit=1")
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(search(word + " priority:high", "&customer_id=" + customer + "&limit=1")
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(search(word + " priority:urgent", "&customer_id=" + customer)
                        .get("total")
                        .asLong())
                .isZero();
        // More than a window: counted apart.
        for (int i = 0; i < 4; i++) {
            create(ticket("Keyboard " + i + " " + word, "Keys stick."));
        }
        JsonNode page = search(word, "&customer_id=" + customer + "&limit=1");
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("total_exact").asBoolean()).isTrue();
    }

    @Test
    void aSearchCountsUpToAThousandUnlessAskedForAnExactTotal() {
        int stored = (int) TicketSearches.CAP + 3;
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description,priority\n");
        for (int i = 0; i < stored; i++) {
            csv.append(customer)
                    .append(",many@example.com,Many Tickets,Printer ")
                    .append(word)
                    .append(' ')
                    .append(i)
                    .append(",The printer jams again.,")
                    .append(i < 2 ? "urgent" : "low")
                    .append('\n');
        }
        Api.Response imported =
                api.sendBytes("POST", "/import/csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        for (String order : new String[] {"", "&sort=created_at"}) {
            JsonNode capped = search(word, "&customer_id=" + customer + "&limit=2" + order);
            assertThat(capped.get("total").asLong()).as(order).isEqualTo(TicketSearches.CAP);
            assertThat(capped.get("total_exact").asBoolean()).as(order).isFalse();
            assertThat(capped.get("items")).hasSize(2);
            // The next page says the same.
            JsonNode next = search(
                    word,
                    "&customer_id=" + customer + "&limit=2" + order + "&cursor="
                            + capped.get("next_cursor").asString());
            assertThat(next.get("total").asLong()).isEqualTo(TicketSearches.CAP);
            assertThat(next.get("total_exact").asBoolean()).isFalse();

            JsonNode exact = search(word, "&customer_id=" + customer + "&limit=2&exact_total=true" + order);
            assertThat(exact.get("total").asLong()).as(order).isEqualTo(stored);
            assertThat(exact.get("total_exact").asBoolean()).isTrue();
        }
        // A filter that leaves few is counted exactly, as any total under the cap.
        JsonNode urgent = search(word + " priority:urgent", "&customer_id=" + customer);
        assertThat(urgent.get("total").asLong()).isEqualTo(2);
        assertThat(urgent.get("total_exact").asBoolean()).isTrue();
        // A list without words counts exactly and says nothing more.
        JsonNode list = api.get("/tickets?customer_id=" + customer + "&limit=1").json();
        assertThat(list.get("total").asLong()).isEqualTo(stored);
        assertThat(list.has("total_exact")).isFalse();

        Api.Response bad = api.get("/tickets?q=" + word + "&exact_total=maybe");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("exact_total").contains("valid boolean");
    }

    @Test
    void aTicketStoredWhilePagingThroughARankedSearchDoesNotEnterItsWindows() {
        List<String> oldestFirst = sevenMatchesOldestFirst();
        JsonNode first = search(word, "&customer_id=" + customer + "&limit=2");
        // The weakest match of all (the word once, in a long description), stored after the first
        // page: ranked in the first window, it would come after the cursor.
        String newcomer = create(ticket(
                "Something else entirely",
                "A long description that mentions " + word + " once among many other words."));

        var seen = new ArrayList<String>(ids(first));
        String cursor = first.get("next_cursor").asString();
        while (cursor != null) {
            JsonNode page = search(word, "&customer_id=" + customer + "&limit=2&cursor=" + cursor);
            seen.addAll(ids(page));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        }

        // Every score changed a little with the newcomer (bm25 weighs words by their rarity in the
        // whole store); the pages still neither repeat nor skip a hit.
        assertThat(seen).containsExactlyInAnyOrderElementsOf(oldestFirst).doesNotContain(newcomer);
        assertThat(ids(search(word, "&customer_id=" + customer + "&limit=100"))).contains(newcomer);
    }

    @Test
    void otherOrdersWithWordsHaveHighlightsButNoScore() {
        String older = create(ticket("First " + word, "The older of two tickets."));
        String newer = create(ticket("Second " + word, "The newer of two tickets."));

        JsonNode page = search(word, "&customer_id=" + customer + "&sort=created_at&order=desc");

        assertThat(ids(page)).containsExactly(newer, older);
        assertThat(page.get("items").get(0).has("score")).isFalse();
        assertThat(page.get("items").get(0).get("highlight").asString()).contains("<mark>");
    }

    @Test
    void highlightsMarkTheMatchedWordsAndEscapeEverythingElse() {
        create(ticket("Script " + word, "<script>alert('x')</script> & \"quotes\": my card was charged twice, help."));

        JsonNode hit = search(word + " charged", "&customer_id=" + customer)
                .get("items")
                .get(0);
        String highlight = hit.get("highlight").asString();

        assertThat(highlight).contains("<mark>").doesNotContain("<script>");
        assertThat(highlight.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        assertThat(highlight).containsIgnoringCase("<mark>charged</mark>");
    }

    @Test
    void theIndexFollowsEditsDeletesAndImports() {
        String id = create(ticket("Printer " + word, "The printer on floor two jams."));
        assertThat(found("printer " + word)).containsExactly(id);

        Api.Response patched = api.patch("/tickets/" + id, Map.of("subject", "Scanner " + word));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(found("printer " + word)).containsExactly(id);
        assertThat(found("scanner " + word)).containsExactly(id);
        api.patch("/tickets/" + id, Map.of("description", "Now the scanner stops halfway."));
        assertThat(found("printer " + word)).isEmpty();
        assertThat(found("jams")).isEmpty();

        assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);
        assertThat(found(word)).isEmpty();

        String csv = "customer_id,customer_email,customer_name,subject,description\n" + customer
                + ",imp@example.com,Imp Orter,Imported " + word + ",This one came in by a CSV import.\n";
        Api.Response imported = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(found("imported " + word))
                .containsExactly(imported.json().get("imported_ids").get(0).asString());
    }

    @Test
    void statsAndTheSearchAliasTakeQToo() {
        create(ticket("Alpha " + word, "One ticket of the word.").withStatus(Status.NEW));
        create(ticket("Beta " + word, "Another ticket of the word.").withStatus(Status.CLOSED));

        JsonNode stats = api.get("/tickets/stats?q=" + word).json();
        assertThat(stats.get("total").asLong()).isEqualTo(2);
        assertThat(stats.get("by_status").get("closed").asLong()).isEqualTo(1);
        Api.Response alias = api.get("/search?q=" + enc(word + " status:closed"));
        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.json().get("items")).hasSize(1);
    }

    @Test
    void aBadQueryIsA422ThatSaysWhere() {
        Api.Response r = api.get("/tickets?q=" + enc("charged \"twice"));

        assertThat(r.status()).isEqualTo(422);
        JsonNode problem = r.json().get("detail").get(0);
        assertThat(problem.get("loc").toString()).isEqualTo("[\"query\",\"q\"]");
        assertThat(problem.get("msg").asString()).isEqualTo("The quote at position 9 is not closed");
        Api.Response unknown = api.get("/tickets?q=" + enc("refund stauts:new"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").get(0).get("msg").asString())
                .startsWith("Unknown field 'stauts' at position 8");
        Api.Response badValue = api.get("/tickets?q=" + enc("refund status:open priority:now"));
        assertThat(badValue.json().get("detail")).hasSize(2);
        assertThat(badValue.json().get("detail").get(0).get("msg").asString())
                .startsWith("status:open at position 8: Input should be 'new'");
    }

    @Test
    void engineSyntaxAndSqlInTheQueryAreOnlyText() {
        String id = create(ticket("Plain " + word, "Nothing special in here, only words."));
        List<String> hostile = List.of(
                word + " NEAR(a b)",
                word + " \" OR 1=1 --\"",
                word + " ') OR ('1'='1",
                word + " '; DROP TABLE tickets; --x",
                word + " {subject description}",
                word + " ^x",
                word + " a+b",
                word + " \\\\ \\' ':* !x & | <-> <2>",
                word + " \"\"\"\"",
                word + " \u0000x");
        for (String q : hostile) {
            Api.Response r = api.get("/tickets?q=" + enc(q) + "&customer_id=" + customer);
            assertThat(r.status()).as(q + " -> " + r.body()).isIn(200, 422);
        }
        // The store is whole and the word still finds the ticket.
        assertThat(found(word)).containsExactly(id);
    }

    @Test
    void similarTicketsAreOpenOnesSharingRareWordsWithTheSameCustomerFirst() {
        String words = word + " " + unique() + " " + unique();
        String one = create(ticket("Export crashes " + words, "Exporting the quarterly report crashes the app."));
        String sameCustomer = create(ticket("Export crash again " + words, "The quarterly export crashed again."));
        TicketBody other =
                aTicket().withSubject("Question " + words).withDescription("A different problem, told differently.");
        String otherCustomer = create(other);
        String closed = create(aTicket()
                .withSubject("Closed one " + words)
                .withDescription("Exporting the quarterly report crashed, fixed now.")
                .withStatus(Status.CLOSED));
        String unrelated = create(ticket("Unrelated " + unique(), "Nothing in common with the others at all."));

        Api.Response r = api.get("/tickets/" + one + "/similar");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var similar = new ArrayList<String>();
        r.json().forEach(t -> similar.add(t.get("id").asString()));
        // Other tests' open tickets that share an everyday word ("report") may follow, never lead.
        assertThat(similar.subList(0, 2)).containsExactly(sameCustomer, otherCustomer);
        assertThat(similar).doesNotContain(one, closed, unrelated);
        assertThat(r.json().get(0).get("score").asDouble())
                .isGreaterThan(r.json().get(1).get("score").asDouble());
        assertThat(api.get("/tickets/" + UUID.randomUUID() + "/similar").status())
                .isEqualTo(404);
    }
}
