package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.history;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.HeldTransaction;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/**
 * Edits and deletes of one comment from several writers at once, on PostgreSQL (READ COMMITTED,
 * writers side by side; SQLite's one writer never interleaves them). The other writer is a
 * transaction held open on a connection of its own, running what another instance runs, so each
 * race is played in the order that used to go wrong; the loops at the end race real requests on
 * two instances.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class CommentRaceTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Api api(int i) {
        return two.api(i);
    }

    /** Another instance deleting the comment, up to its commit: tombstone, count, event. */
    private static HeldTransaction deleting(String ticketId, String commentId) throws Exception {
        return new HeldTransaction(two.url())
                .run("SELECT 1 FROM tickets WHERE id = ? FOR UPDATE", ticketId)
                .run(
                        "UPDATE ticket_comments SET body = NULL, deleted_at = 1, deleted_by = 'other' WHERE id = ?",
                        commentId)
                .run("UPDATE tickets SET comment_count = comment_count - 1 WHERE id = ?", ticketId)
                .run(
                        "INSERT INTO ticket_history (ticket_id, at, actor, action, changes, detail, comment_id)"
                                + " VALUES (?, 1, 'other', 'comment_deleted', '{}', ?, ?)",
                        ticketId,
                        "{\"comment\":{\"id\":\"" + commentId + "\"}}",
                        commentId);
    }

    @Test
    void anEditWaitingForADeleteWritesNoTextIntoTheTombstoneOrHistory() throws Exception {
        String ticketId = ticket(api(0));
        String commentId = comment(
                        api(0), ticketId, aNote("my password is Hunter2").build())
                .get("id")
                .asString();
        String path = "/tickets/" + ticketId + "/comments/" + commentId;

        CompletableFuture<Api.Response> edit;
        try (var delete = deleting(ticketId, commentId)) {
            edit = delete.startBehind(() -> api(1).patch(path, Map.of("body", "my password is Hunter4")));
            delete.commit();
        }

        assertThat(edit.get().status()).as(edit.get().body()).isEqualTo(409);
        JsonNode tombstone = api(0).get(path).json();
        assertThat(tombstone.get("body").isNull()).as(tombstone.toString()).isTrue();
        assertThat(history(api(0), ticketId).toString()).doesNotContain("Hunter");
    }

    @Test
    void aDeleteWaitingForAnotherDeleteOfTheSameCommentChangesNothing() throws Exception {
        String ticketId = ticket(api(0));
        String commentId =
                comment(api(0), ticketId, aNote("one").build()).get("id").asString();

        CompletableFuture<Api.Response> second;
        try (var first = deleting(ticketId, commentId)) {
            second = first.startBehind(() -> api(1).delete("/tickets/" + ticketId + "/comments/" + commentId));
            first.commit();
        }

        assertThat(second.get().status()).isEqualTo(204);
        assertThat(ticketJson(api(0), ticketId).get("comment_count").asInt()).isZero();
        assertThat(actions(ticketId)).containsExactly("created", "commented", "comment_deleted");
    }

    @Test
    void anEditWaitingForAnotherEditRecordsTheTextThatOneLeft() throws Exception {
        String ticketId = ticket(api(0));
        String commentId =
                comment(api(0), ticketId, aNote("v0").build()).get("id").asString();

        CompletableFuture<Api.Response> second;
        try (var first = new HeldTransaction(two.url())
                .run("SELECT 1 FROM tickets WHERE id = ? FOR UPDATE", ticketId)
                .run("UPDATE ticket_comments SET body = 'v1', edited_at = 1 WHERE id = ?", commentId)
                .run(
                        "INSERT INTO ticket_history (ticket_id, at, actor, action, changes, detail, comment_id)"
                                + " VALUES (?, 1, 'other', 'comment_edited', ?, ?, ?)",
                        ticketId,
                        "{\"comment.body\":{\"old\":\"v0\",\"new\":\"v1\"}}",
                        "{\"comment\":{\"id\":\"" + commentId + "\"}}",
                        commentId)) {
            second = first.startBehind(
                    () -> api(1).patch("/tickets/" + ticketId + "/comments/" + commentId, Map.of("body", "v2")));
            first.commit();
        }

        assertThat(second.get().status()).as(second.get().body()).isEqualTo(200);
        assertThat(edits(ticketId)).containsExactly("v0>v1", "v1>v2");
    }

    @Test
    void aRepeatedDeleteRemovesTextThatARaceLeftInATombstone() throws Exception {
        String ticketId = ticket(api(0));
        String commentId =
                comment(api(0), ticketId, aNote("v0").build()).get("id").asString();
        String path = "/tickets/" + ticketId + "/comments/" + commentId;
        assertThat(api(0).delete(path).status()).isEqualTo(204);
        // What the race left before it was fixed: a tombstone with a text, and an edit after the delete.
        try (var before = new HeldTransaction(two.url())
                .run("UPDATE ticket_comments SET body = 'my password is Hunter4' WHERE id = ?", commentId)
                .run(
                        "INSERT INTO ticket_history (ticket_id, at, actor, action, changes, detail, comment_id)"
                                + " VALUES (?, 1, 'other', 'comment_edited', ?, ?, ?)",
                        ticketId,
                        "{\"comment.body\":{\"old\":\"v0\",\"new\":\"my password is Hunter4\"}}",
                        "{\"comment\":{\"id\":\"" + commentId + "\"}}",
                        commentId)) {
            before.commit();
        }

        assertThat(api(1).delete(path).status()).isEqualTo(204);

        assertThat(api(0).get(path).json().get("body").isNull()).isTrue();
        assertThat(history(api(0), ticketId).toString()).doesNotContain("Hunter4");
        assertThat(actions(ticketId)).containsOnlyOnce("comment_deleted");
        assertThat(ticketJson(api(1), ticketId).get("comment_count").asInt()).isZero();
    }

    @Test
    void editsAndDeletesOfOneCommentOnTwoInstancesLeaveNoTextAndOneDelete() throws Exception {
        for (int round = 0; round < 10; round++) {
            String ticketId = ticket(api(0));
            String path = "/tickets/" + ticketId + "/comments/"
                    + comment(api(0), ticketId, aNote("v0").build()).get("id").asString();

            List<Integer> statuses = Concurrently.run(
                    16,
                    16,
                    i -> i % 4 == 0
                            ? api(i / 4).delete(path).status()
                            : api(i).patch(path, Map.of("body", "secret-" + i)).status());

            assertThat(statuses).isSubsetOf(200, 204, 409);
            assertThat(api(1).get(path).json().get("body").isNull()).isTrue();
            assertThat(history(api(0), ticketId).toString()).doesNotContain("secret-");
            assertThat(actions(ticketId)).endsWith("comment_deleted").containsOnlyOnce("comment_deleted");
            assertThat(ticketJson(api(1), ticketId).get("comment_count").asInt())
                    .isZero();
        }
    }

    @Test
    void concurrentEditsOfOneCommentRecordAnUnbrokenChain() throws Exception {
        String ticketId = ticket(api(0));
        String path = "/tickets/" + ticketId + "/comments/"
                + comment(api(0), ticketId, aNote("v0").build()).get("id").asString();

        List<Integer> statuses = Concurrently.run(
                8, 8, i -> api(i).patch(path, Map.of("body", "v" + (i + 1))).status());

        assertThat(statuses).containsOnly(200);
        List<String> edits = edits(ticketId);
        assertThat(edits).hasSize(8);
        String text = "v0";
        for (String edit : edits) {
            assertThat(edit).as(edits.toString()).startsWith(text + ">");
            text = edit.substring(edit.indexOf('>') + 1);
        }
        assertThat(api(1).get(path).json().get("body").asString()).isEqualTo(text);
    }

    private static List<String> actions(String ticketId) {
        var actions = new ArrayList<String>();
        history(api(0), ticketId).forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    /** "old>new" of each `comment_edited` event, in order. */
    private static List<String> edits(String ticketId) {
        var edits = new ArrayList<String>();
        for (JsonNode e : history(api(0), ticketId)) {
            if (e.get("action").asString().equals("comment_edited")) {
                JsonNode change = e.get("changes").get("comment.body");
                edits.add(change.get("old").asString() + ">" + change.get("new").asString());
            }
        }
        return edits;
    }
}
