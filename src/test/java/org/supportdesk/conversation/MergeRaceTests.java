package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.conversation.ConversationFixtures.ticket;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;

/**
 * Merges of the same tickets in opposite directions on two instances at once, on PostgreSQL:
 * each locked the tickets in the order it met them, so each could hold one the other waited for,
 * a deadlock that PostgreSQL broke by failing one of them (6 of 8 rounds).
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class MergeRaceTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Api api(int i) {
        return two.api(i);
    }

    @Test
    void mergesOfTheSameTicketsInOppositeDirectionsTakeTurnsInsteadOfDeadlocking() throws Exception {
        for (int round = 0; round < 8; round++) {
            String x = ticket(api(0));
            String y = ticket(api(0));
            String z = ticket(api(0));

            List<Api.Response> answers = Concurrently.run(
                    2,
                    2,
                    i -> i == 0
                            ? api(0).post("/tickets/" + x + "/merge", Map.of("source_ids", List.of(y, z)))
                            : api(1).post("/tickets/" + y + "/merge", Map.of("source_ids", List.of(z, x))));

            // One merge is made; the other finds its tickets merged already (409 or 422), never a
            // collision to send again.
            assertThat(answers)
                    .extracting(Api.Response::status)
                    .as("round %d", round)
                    .containsOnlyOnce(200);
            assertThat(answers)
                    .extracting(Api.Response::body)
                    .as("round %d", round)
                    .noneMatch(body -> body.contains("met another change"));
        }
    }
}
