package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;

/**
 * Two classify-all runs over the same tickets on two instances at once, on PostgreSQL, one of them
 * forced. The unforced run updated the classifier's tickets and then, in a second round, locked
 * the people's tickets whose decision it only logs; the forced run updates both kinds in creation
 * order. Each could hold a row the other waited for: a deadlock that PostgreSQL broke by failing
 * one run with a 409.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ClassifyAllRaceTests {

    private static final int TICKETS = 300;

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    @Test
    void aForcedAndAnUnforcedRunOverTheSameTicketsBothFinish() throws Exception {
        for (int round = 0; round < 6; round++) {
            String tag = "race" + round;
            Api.Response imported = two.api(0).post("/import/json", interleavedOwners(tag));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);

            List<Api.Response> runs = Concurrently.run(
                    2,
                    2,
                    i -> two.api(i).post("/tickets/classify-all?tag=" + tag + (i == 1 ? "&force=true" : ""), null));

            assertThat(runs)
                    .extracting(run -> run.status() + (run.status() == 200 ? "" : " " + run.body()))
                    .as("round %d", round)
                    .containsOnly("200");
            assertThat(runs).allSatisfy(run -> assertThat(run.json().size()).isEqualTo(TICKETS));
        }
    }

    /**
     * Tickets created one second apart, alternately owned by the classifier (with a category it
     * would not give, and no decision of its own yet: the unforced run updates them) and by a
     * person (the unforced run only logs its decision).
     */
    private static List<Map<String, Object>> interleavedOwners(String tag) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        var tickets = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < TICKETS; i++) {
            String by = i % 2 == 0 ? "person" : "classifier";
            var ticket = new LinkedHashMap<String, Object>();
            ticket.put("id", UUID.randomUUID().toString());
            ticket.put("subject", "Charged twice for my subscription " + i);
            ticket.put("description", "My card was charged twice this month, please refund the second payment.");
            ticket.put("customer_id", "cust-" + i);
            ticket.put("customer_email", "c" + i + "@example.com");
            ticket.put("customer_name", "Customer " + i);
            ticket.put("category", "feature_request");
            ticket.put("category_by", by);
            ticket.put("priority", "low");
            ticket.put("priority_by", by);
            ticket.put("tags", List.of(tag));
            ticket.put("created_at", start.plusSeconds(i).toString());
            tickets.add(ticket);
        }
        return tickets;
    }
}
