package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * `DELETE /tickets/{id}` honours `If-Match` as `PATCH` and `PUT` do: a client that deletes the
 * ticket it read does not delete one that someone changed since (RFC 9110 §13.1.1 asks a server
 * to evaluate the condition before the method; it used to be ignored and the ticket deleted).
 */
class ConditionalDeleteTests extends ApiTest {

    private String createdAndChanged() {
        Api.Response r = api.post("/tickets", aTicket().build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(api.patch("/tickets/" + id, Map.of("status", "in_progress")).status())
                .isEqualTo(200);
        return id;
    }

    private Api.Response delete(String id, String ifMatch) {
        return api.send("DELETE", "/tickets/" + id, null, null, Map.of("If-Match", ifMatch));
    }

    @Test
    void aDeleteNamingAnOlderVersionIs412AndKeepsTheTicketAndItsHistory() {
        String id = createdAndChanged();
        int events = api.get("/tickets/" + id + "/history").json().size();

        Api.Response r = delete(id, "\"1\"");

        assertThat(r.status()).as(r.body()).isEqualTo(412);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").asString()).contains("version 2");
        assertThat(api.get("/tickets/" + id).json().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/tickets/" + id + "/history").json()).hasSize(events);
        assertThat(delete(id, "\"not-a-version\"").status()).isEqualTo(412);
        assertThat(api.get("/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    void aDeleteNamingTheCurrentVersionOrAnyDeletes() {
        String first = createdAndChanged();
        String second = createdAndChanged();

        assertThat(delete(first, "W/\"2\"").status()).isEqualTo(204);
        assertThat(delete(second, "*").status()).isEqualTo(204);

        assertThat(api.get("/tickets/" + first).status()).isEqualTo(404);
        assertThat(api.get("/tickets/" + second).status()).isEqualTo(404);
        assertThat(delete(first, "\"2\"").status()).isEqualTo(404);
    }
}
