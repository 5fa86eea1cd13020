package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.lastEvent;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.CommentBody;
import org.supportdesk.tickets.Status;
import tools.jackson.databind.JsonNode;

/** The status workflow of docs/CONVERSATIONS.md, and the first response. */
class WorkflowApiTests extends ApiTest {

    /** Every status, with each kind of comment: the status after it. */
    static Stream<Arguments> workflow() {
        var rows = new ArrayList<Arguments>();
        for (Status status : Status.values()) {
            String s = status.value();
            rows.add(Arguments.of(
                    s, "customer message", s.equals("waiting_customer") || s.equals("resolved") ? "in_progress" : s));
            rows.add(Arguments.of(s, "agent reply", s.equals("new") ? "in_progress" : s));
            rows.add(Arguments.of(s, "internal note", s));
        }
        return rows.stream();
    }

    private static CommentBody kind(String kind) {
        return switch (kind) {
            case "customer message" -> aCustomerMessage("Any news?");
            case "agent reply" -> aReply("We are on it.");
            default -> aNote("Checked the logs.");
        };
    }

    @ParameterizedTest(name = "{1} on a {0} ticket -> {2}")
    @MethodSource("workflow")
    void aCommentMovesTheStatusAsTheTableSays(String before, String kind, String after) {
        String id = ticket(api, aTicket().with("status", before));
        JsonNode ticketBefore = ticketJson(api, id);

        comment(api, id, kind(kind).build());

        JsonNode ticket = ticketJson(api, id);
        assertThat(ticket.get("status").asString()).isEqualTo(after);
        JsonNode event = lastEvent(api, id);
        assertThat(event.get("action").asString()).isEqualTo("commented");
        if (!after.equals(before)) {
            assertThat(event.get("changes").get("status").toString())
                    .isEqualTo("{\"old\":\"" + before + "\",\"new\":\"" + after + "\"}");
            assertThat(ticket.get("version").asInt()).isEqualTo(2);
            assertThat(ticket.get("updated_at").asString())
                    .isEqualTo(event.get("at").asString());
        } else if (!kind.equals("agent reply")) {
            assertThat(event.get("changes").size()).isZero();
            assertThat(ticket.get("version").asInt()).isEqualTo(1);
            assertThat(ticket.get("updated_at")).isEqualTo(ticketBefore.get("updated_at"));
        }
    }

    @Test
    void reopeningAResolvedTicketClearsItsResolutionTime() {
        String id = ticket(api, aTicket().with("status", "resolved"));
        assertThat(ticketJson(api, id).get("resolved_at").isNull()).isFalse();

        comment(api, id, aCustomerMessage("It is broken again.").build());

        JsonNode ticket = ticketJson(api, id);
        assertThat(ticket.get("status").asString()).isEqualTo("in_progress");
        assertThat(ticket.get("resolved_at").isNull()).isTrue();
        assertThat(lastEvent(api, id).get("changes").has("resolved_at")).isTrue();
    }

    @Test
    void theFirstPublicAgentReplySetsTheFirstResponseOnce() {
        String id = ticket(api, aTicket().with("status", "in_progress"));
        comment(api, id, aNote("internal first").build());
        comment(api, id, aCustomerMessage("hello?").build());
        assertThat(ticketJson(api, id).get("first_response_at").isNull()).isTrue();

        JsonNode reply = comment(api, id, aReply("Hi, here is the answer.").build());
        comment(api, id, aReply("And one more thing.").build());

        JsonNode ticket = ticketJson(api, id);
        assertThat(ticket.get("first_response_at").asString())
                .isEqualTo(reply.get("created_at").asString());
        assertThat(ticket.get("sla").get("breached").size()).isZero();
        // Setting the first response is a change of the ticket: If-Match of the version before fails.
        assertThat(ticket.get("version").asInt()).isEqualTo(2);
        assertThat(api.patch("/tickets/" + id, Map.of("assigned_to", "x"), "If-Match", "\"1\"")
                        .status())
                .isEqualTo(412);
    }

    @Test
    void aReopenMakesAClientsIfMatchStale() {
        String id = ticket(api, aTicket().with("status", "waiting_customer"));

        comment(api, id, aCustomerMessage("Here are the details you asked for.").build());
        Api.Response stale = api.patch("/tickets/" + id, Map.of("status", "resolved"), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(ticketJson(api, id).get("status").asString()).isEqualTo("in_progress");
    }
}
