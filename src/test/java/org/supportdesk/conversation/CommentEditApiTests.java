package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.history;
import static org.supportdesk.conversation.ConversationFixtures.lastEvent;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Comments edited and deleted over real HTTP: the ticket's history, tombstones, the ticket's
 * version, and comments deleted with their ticket.
 */
class CommentEditApiTests extends ApiTest {

    @Test
    void commentsAreInTheTicketsHistory() {
        String id = ticket(api);

        JsonNode note = comment(api, id, aNote("Internal remark").build());

        JsonNode event = lastEvent(api, id);
        assertThat(event.get("action").asString()).isEqualTo("commented");
        assertThat(event.get("actor").asString()).isEqualTo("admin");
        assertThat(event.get("comment").toString())
                .isEqualTo("{\"id\":\"" + note.get("id").asString()
                        + "\",\"author_type\":\"agent\",\"visibility\":\"internal\"}");
        assertThat(event.get("changes").size()).isZero();
    }

    @Test
    void editingKeepsTheOldTextInTheHistory() {
        String id = ticket(api);
        JsonNode c = comment(api, id, aReply("Please restart the app.").build());
        String path = "/tickets/" + id + "/comments/" + c.get("id").asString();

        Api.Response edited = api.patch(path, Map.of("body", "Please restart the app and your phone."));
        Api.Response same = api.patch(path, Map.of("body", "Please restart the app and your phone."));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("body").asString()).isEqualTo("Please restart the app and your phone.");
        assertThat(edited.json().get("edited_at").isNull()).isFalse();
        assertThat(same.json()).isEqualTo(edited.json());
        JsonNode events = history(api, id);
        assertThat(events.size()).isEqualTo(3); // created, commented, one edit
        JsonNode edit = events.get(2);
        assertThat(edit.get("action").asString()).isEqualTo("comment_edited");
        assertThat(edit.get("changes").get("comment.body").get("old").asString())
                .isEqualTo("Please restart the app.");
        assertThat(edit.get("changes").get("comment.body").get("new").asString())
                .isEqualTo("Please restart the app and your phone.");
    }

    @Test
    void onlyTheBodyCanBeEdited() {
        String id = ticket(api);
        JsonNode c = comment(api, id, aNote("internal").build());

        Api.Response r =
                api.patch("/tickets/" + id + "/comments/" + c.get("id").asString(), Map.of("visibility", "public"));

        assertThat(locsAndTypes(r))
                .containsExactlyInAnyOrder("[\"body\",\"visibility\"] extra_forbidden", "[\"body\",\"body\"] missing");
    }

    @Test
    void deletingLeavesATombstoneAndRemovesTheTextEverywhere() {
        String id = ticket(api);
        JsonNode keep = comment(api, id, aReply("keep me").build());
        JsonNode c = comment(api, id, aReply("my password is hunter2").build());
        String path = "/tickets/" + id + "/comments/" + c.get("id").asString();
        api.patch(path, Map.of("body", "my password is hunter3"));

        Api.Response deleted = api.delete(path);
        Api.Response again = api.delete(path);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        JsonNode tombstone = api.get(path).json();
        assertThat(tombstone.get("body").isNull()).isTrue();
        assertThat(tombstone.get("deleted_at").isNull()).isFalse();
        assertThat(tombstone.get("deleted_by").asString()).isEqualTo("admin");
        assertThat(comments(api, id).get("items").get(1)).isEqualTo(tombstone);
        assertThat(ticketJson(api, id).get("comment_count").asInt()).isEqualTo(1);
        String events = history(api, id).toString();
        assertThat(events).doesNotContain("hunter").contains("comment_deleted").contains("comment_edited");
        assertThat(api.patch(path, Map.of("body", "back")).status()).isEqualTo(409);
        assertThat(keep.get("body").asString()).isEqualTo("keep me");
    }

    @Test
    void ifMatchOnTheTicketIsUntouchedByCommentsThatDoNotChangeIt() {
        String id = ticket(api);
        comment(api, id, aNote("looking").build());
        comment(api, id, aCustomerMessage("any news?").build());

        Api.Response patched = api.patch("/tickets/" + id, Map.of("assigned_to", "maria"), "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void deletingATicketDeletesItsComments() {
        String id = ticket(api);
        JsonNode c = comment(api, id, aReply("bye").build());

        assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);

        assertThat(api.get("/tickets/" + id + "/comments").status()).isEqualTo(404);
        assertThat(api.get("/tickets/" + id + "/comments/" + c.get("id").asString())
                        .status())
                .isEqualTo(404);
    }
}
