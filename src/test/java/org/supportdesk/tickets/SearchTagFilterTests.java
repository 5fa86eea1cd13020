package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Words and the `tag` filter together, on both databases: on PostgreSQL the tag is checked in its
 * own way in each statement of a search (its rows counted for the few-tickets check, each
 * candidate looked up in the probe and in a window's range, the ids first in the oldest window
 * when the tag is rare: TicketFilter.tagCondition, SearchSql.window). Whatever the way, every
 * page and cursor gives exactly the tickets with the words and the tag (and the other filters),
 * each once. The shared server ranks windows of five (ApiTest), so that two dozen matches span
 * several windows and ranges.
 */
class SearchTagFilterTests extends ApiTest {

    private static final int MATCHES = 24;

    private String customer;
    private String word;
    private String common;
    private String rare;

    /** The tickets with the word, created in this order (ids), and their tags and priorities. */
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void ticketsOfThisTest() {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        customer = "tagsearch-" + UUID.randomUUID();
        word = "zq" + suffix + "x";
        common = "common-" + suffix;
        rare = "rare-" + suffix;
        // Created now, one after another: the newest tickets of the store, so that PostgreSQL's
        // first range (RecentRanges) holds them and later windows take further ranges.
        for (int i = 0; i < MATCHES; i++) {
            var tags = new ArrayList<String>();
            if (hasCommon(i)) {
                tags.add(common);
            }
            if (hasRare(i)) {
                tags.add(rare);
            }
            tags.add("other");
            ids.add(create(aTicket()
                    .withCustomer(customer)
                    .withSubject((word + " ").repeat(1 + i % 3) + "case " + i)
                    .withDescription("Text of case " + i + ".")
                    .withPriority(high(i) ? Priority.HIGH : Priority.LOW)
                    .withTags(tags.toArray(String[]::new))));
        }
        // The common tag on tickets without the word too; the rare one stays on fewer tickets
        // than a window (RankWindows.among).
        for (int i = 0; i < 6; i++) {
            create(aTicket()
                    .withCustomer(customer)
                    .withSubject("Unrelated " + i)
                    .withTags(common));
        }
    }

    private static boolean hasCommon(int i) {
        return i % 3 != 2;
    }

    private static boolean hasRare(int i) {
        return i == 5 || i == 17;
    }

    private static boolean high(int i) {
        return i % 2 == 0;
    }

    private String create(org.supportdesk.TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private Set<String> expected(IntPredicate which) {
        var set = new LinkedHashSet<String>();
        IntStream.range(0, MATCHES).filter(which).forEach(i -> set.add(ids.get(i)));
        return set;
    }

    /**
     * Every hit of {@code query}, page after page of {@code limit} through the cursors, each page
     * saying the same total.
     */
    private List<String> everyHit(String query, int limit, long total) {
        var hits = new ArrayList<String>();
        String cursor = null;
        do {
            Api.Response r =
                    api.get("/tickets?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            assertThat(page.get("total").asLong()).as(query + " limit " + limit).isEqualTo(total);
            page.get("items").forEach(h -> {
                hits.add(h.get("id").asString());
                assertThat(h.get("tags").toString()).contains(tagOf(query));
                assertThat(h.get("score").isNumber()).isTrue();
            });
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);
        return hits;
    }

    private static String tagOf(String query) {
        int at = query.indexOf("tag=") + 4;
        int end = query.indexOf('&', at);
        return query.substring(at, end < 0 ? query.length() : end);
    }

    private void findsExactly(String query, Set<String> expected) {
        for (int limit : new int[] {1, 2, 3, 7, 100}) {
            assertThat(everyHit(query, limit, expected.size()))
                    .as(query + " limit " + limit)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void wordsWithACommonTagFindEveryTaggedMatchOnceThroughTheCursors() {
        Set<String> tagged = expected(SearchTagFilterTests::hasCommon);
        assertThat(tagged).hasSize(16);
        findsExactly("q=" + word + "&tag=" + common, tagged);
    }

    @Test
    void wordsWithACommonTagAndOtherFilters() {
        Set<String> highTagged = expected(i -> hasCommon(i) && high(i));
        assertThat(highTagged).hasSize(8);
        findsExactly("q=" + word + "&tag=" + common + "&priority=high", highTagged);
        findsExactly("q=" + word + "%20priority%3Ahigh&tag=" + common, highTagged);
        // With the customer, whose index finds the candidates (the tag checked per ticket).
        findsExactly(
                "q=" + word + "&tag=" + common + "&customer_id=" + customer, expected(SearchTagFilterTests::hasCommon));
        findsExactly("q=" + word + "&tag=" + common + "&customer_id=someone-else", Set.of());
        // A phrase of the case number narrows to one ticket.
        findsExactly("q=" + word + "%20%22case%2010%22&tag=" + common, expected(i -> i == 10));
    }

    @Test
    void wordsWithARareTagOrATagNoMatchHas() {
        Set<String> rareOnes = expected(SearchTagFilterTests::hasRare);
        assertThat(rareOnes).hasSize(2);
        findsExactly("q=" + word + "&tag=" + rare, rareOnes);
        findsExactly("q=" + word + "&tag=" + rare + "&priority=low", expected(i -> hasRare(i) && !high(i)));
        findsExactly("q=" + word + "&tag=" + rare + "&priority=high", Set.of());
        findsExactly("q=" + word + "&tag=no-such-" + rare, Set.of());
        // A tag holding NUL matches nothing, in every statement of the search.
        Api.Response r = api.get("/tickets?q=" + word + "&tag=" + rare + "%00");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("items")).isEmpty();
    }
}
