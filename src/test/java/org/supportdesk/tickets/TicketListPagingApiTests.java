package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Status.CLOSED;
import static org.supportdesk.tickets.Status.NEW;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * Ticket lists over real HTTP walked page by page: the order, the sorts, cursors that stay stable
 * and cursors the server did not issue.
 */
class TicketListPagingApiTests extends SevenTicketsApiTest {

    @Test
    void listsOldestFirstByDefaultWithExactTotal() {
        JsonNode page = list("");

        assertThat(ids(page)).containsExactlyElementsOf(ids);
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("next_cursor").isNull()).isTrue();
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
    void cursorNotIssuedByTheServerOrForAnotherOrderIs422() {
        String cursor = list("&limit=2").get("next_cursor").asString();

        Api.Response forged = api.get("/tickets?cursor=bm90LWEtY3Vyc29y");
        Api.Response otherOrder = api.get("/tickets?order=desc&cursor=" + cursor);

        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
        assertThat(otherOrder.status()).isEqualTo(422);
    }
}
