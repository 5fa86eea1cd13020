package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Tickets that share their sort keys (an import stores many in one millisecond) come in id order
 * (SPEC §5) on every page, whichever way a page's limit cuts a group of them. They are stored in
 * the reverse of their id order, so an order of storage instead of ids would show.
 */
class TiedTicketsPagingTests extends ApiTest {

    private static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");

    private String customer;
    private final List<Imported> imported = new ArrayList<>();

    private record Imported(String id, String createdAt, String updatedAt, String priority) {}

    @BeforeEach
    void ticketsSharingTheirTimes() {
        customer = "ties-" + UUID.randomUUID();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.sort(Comparator.reverseOrder());
        for (int i = 0; i < ids.size(); i++) {
            // 3 a millisecond earlier, 12 in one millisecond, 5 a millisecond later; 2 priorities.
            String created = i < 3
                    ? "2025-05-01T10:00:00.001Z"
                    : i < 15 ? "2025-05-01T10:00:00.002Z" : "2025-05-01T10:00:00.003Z";
            String updated = i % 2 == 0 ? "2025-06-01T00:00:00.000Z" : "2025-06-02T00:00:00.000Z";
            imported.add(new Imported(ids.get(i), created, updated, i % 3 == 0 ? "high" : "low"));
        }
        var records = new ArrayList<Map<String, Object>>();
        for (Imported t : imported) {
            records.add(aTicket()
                    .withCustomer(customer)
                    .withSubject("Tied")
                    .withDescription("A ticket that shares its times")
                    .withCategory(Category.OTHER)
                    .with("id", t.id())
                    .with("priority", t.priority())
                    .with("created_at", t.createdAt())
                    .with("updated_at", t.updatedAt())
                    .build());
        }
        Api.Response r = api.post("/import/json", records);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("success_count").asInt()).isEqualTo(imported.size());
    }

    @Test
    void createdAtTiesComeInIdOrderOnEveryPageBothWays() {
        Comparator<Imported> order = Comparator.comparing(Imported::createdAt).thenComparing(Imported::id);
        assertWalks("created_at", order);
    }

    @Test
    void updatedAtTiesComeInIdOrderOnEveryPageBothWays() {
        Comparator<Imported> order = Comparator.comparing(Imported::updatedAt).thenComparing(Imported::id);
        assertWalks("updated_at", order);
    }

    @Test
    void priorityAndCreationTiesComeInIdOrderOnEveryPageBothWays() {
        Comparator<Imported> order = Comparator.comparing((Imported t) -> PRIORITIES.indexOf(t.priority()))
                .thenComparing(Imported::createdAt)
                .thenComparing(Imported::id);
        assertWalks("priority", order);
    }

    private void assertWalks(String sort, Comparator<Imported> ascending) {
        List<String> expected =
                imported.stream().sorted(ascending).map(Imported::id).toList();
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        for (int limit : List.of(1, 2, 4, 5, 7, 12, 100)) {
            assertThat(walk("&sort=" + sort, limit)).as("asc, limit " + limit).containsExactlyElementsOf(expected);
            assertThat(walk("&sort=" + sort + "&order=desc", limit))
                    .as("desc, limit " + limit)
                    .containsExactlyElementsOf(reversed);
        }
    }

    private List<String> walk(String query, int limit) {
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            Api.Response r = api.get("/tickets?customer_id=" + customer + query + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("items").size()).isLessThanOrEqualTo(limit);
            r.json().get("items").forEach(t -> seen.add(t.get("id").asString()));
            cursor = r.json().get("next_cursor").isNull()
                    ? null
                    : r.json().get("next_cursor").asString();
        } while (cursor != null);
        return seen;
    }
}
