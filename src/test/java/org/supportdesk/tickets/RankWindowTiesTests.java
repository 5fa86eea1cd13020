package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Rank windows whose matches share creation times, as the tickets of one import do: on PostgreSQL
 * a window is a range of creation times (RecentRanges), so the ties of its oldest match are all in
 * it, and paging still gives every match once. The shared server ranks windows of five (ApiTest).
 */
class RankWindowTiesTests extends ApiTest {

    private final String customer = "ties-" + UUID.randomUUID();
    private final String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "x";

    /**
     * Eight matches, oldest first: two at one time, four at a later one, two at the latest. The
     * oldest have the word three times (the best scores), the newest once.
     */
    private List<String> eightMatchesOldestFirst() {
        String[] times = {
            "2026-02-01T09:00:00Z",
            "2026-02-01T09:00:00Z",
            "2026-03-01T09:00:00Z",
            "2026-03-01T09:00:00Z",
            "2026-03-01T09:00:00Z",
            "2026-03-01T09:00:00Z",
            "2026-04-01T09:00:00Z",
            "2026-04-01T09:00:00Z"
        };
        var tickets = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < times.length; i++) {
            int repeats = i < 2 ? 3 : i < 6 ? 2 : 1;
            tickets.add(aTicket()
                    .withCustomer(customer)
                    .withSubject((word + " ").repeat(repeats) + "case " + i)
                    .withDescription("Text of case " + i + ".")
                    .with("id", UUID.randomUUID().toString())
                    .with("created_at", times[i])
                    .build());
        }
        Api.Response r = api.post("/import/json", tickets);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return tickets.stream().map(t -> (String) t.get("id")).toList();
    }

    private List<JsonNode> everyHit(int limit) {
        var hits = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            Api.Response r = api.get("/tickets?q=" + word + "&customer_id=" + customer + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("items").forEach(hits::add);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);
        return hits;
    }

    @Test
    void aWindowHoldsEveryTieOfItsOldestMatchAndPagesGiveEachMatchOnce() {
        List<String> oldestFirst = eightMatchesOldestFirst();
        // PostgreSQL: the newest five reach into the four tied at March, so the window holds all
        // four and the two of April (six); SQLite's rowids never tie: the five imported last.
        int window = TestDatabase.isPostgres() ? 6 : 5;

        for (int limit : new int[] {1, 2, 4, 5, 6, 100}) {
            List<JsonNode> hits = everyHit(limit);
            List<String> seen = hits.stream().map(h -> h.get("id").asString()).toList();
            assertThat(seen)
                    .as("limit " + limit)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(oldestFirst);
            // The newest first, best first within them, although the oldest score best.
            assertThat(seen.subList(0, window))
                    .as("limit " + limit)
                    .containsExactlyInAnyOrderElementsOf(oldestFirst.subList(8 - window, 8));
            List<Double> scores =
                    hits.stream().map(h -> h.get("score").asDouble()).toList();
            assertThat(scores.subList(0, window)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(scores.subList(window, 8)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }
}
