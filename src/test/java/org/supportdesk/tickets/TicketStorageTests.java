package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.ApiTest;

/** What the store keeps beside the ticket row follows the ticket, since no foreign key does. */
class TicketStorageTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void tagRowsFollowTheTicketsTagsAndGoWithTheTicketAsDoesItsHistory() {
        String id = api.post("/tickets", aTicket().withTags("vpn", "export").build())
                .json()
                .get("id")
                .asString();

        api.patch("/tickets/" + id, Map.of("tags", List.of("vpn", "invoice")));

        assertThat(tagsOf(id)).containsExactlyInAnyOrder("vpn", "invoice");
        assertThat(api.get("/tickets?tag=invoice&limit=1000").body()).contains(id);
        assertThat(api.get("/tickets?tag=export&limit=1000").body()).doesNotContain(id);
        assertThat(historyRowsOf(id)).isEqualTo(1);

        assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);

        assertThat(tagsOf(id)).isEmpty();
        assertThat(historyRowsOf(id)).isZero();
    }

    private List<String> tagsOf(String id) {
        return jdbc.sql("SELECT tag FROM ticket_tags WHERE ticket_id = ?")
                .param(id)
                .query(String.class)
                .list();
    }

    private long historyRowsOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
