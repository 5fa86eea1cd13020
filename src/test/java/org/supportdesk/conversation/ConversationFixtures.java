package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.supportdesk.Api;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/** Tickets and comments made through the API, for the conversation tests. */
final class ConversationFixtures {

    private ConversationFixtures() {}

    static String ticket(Api api) {
        return ticket(api, aTicket());
    }

    static String ticket(Api api, TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static JsonNode comment(Api api, String ticketId, Map<String, Object> body) {
        Api.Response r = api.post("/tickets/" + ticketId + "/comments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode ticketJson(Api api, String ticketId) {
        Api.Response r = api.get("/tickets/" + ticketId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode comments(Api api, String ticketId) {
        Api.Response r = api.get("/tickets/" + ticketId + "/comments");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode history(Api api, String ticketId) {
        return api.get("/tickets/" + ticketId + "/history").json();
    }

    /** The last history event of the ticket. */
    static JsonNode lastEvent(Api api, String ticketId) {
        JsonNode events = history(api, ticketId);
        return events.get(events.size() - 1);
    }

    /** A 422's problems, each as its `loc` and `type`. */
    static List<String> locsAndTypes(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        var list = new ArrayList<String>();
        r.json()
                .get("detail")
                .forEach(p ->
                        list.add(p.get("loc").toString() + " " + p.get("type").asString()));
        return list;
    }
}
