package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which way the inbox writes "open" follows how common open tickets are (TicketDesk). */
class OpenTicketsPlanTests {

    private static Map<String, Long> counts(long open, long done) {
        return Map.of("new", open, "in_progress", 0L, "waiting_customer", 0L, "resolved", done, "closed", 0L);
    }

    @Test
    void openTicketsAreCommonFromATwentiethOfAll() {
        assertThat(InboxLists.openIsCommon(counts(600_000, 400_000))).isTrue();
        assertThat(InboxLists.openIsCommon(counts(50, 950))).isTrue();
        assertThat(InboxLists.openIsCommon(counts(49, 951))).isFalse();
        assertThat(InboxLists.openIsCommon(counts(0, 0))).isTrue();
    }
}
