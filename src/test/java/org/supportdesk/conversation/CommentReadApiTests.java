package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Comments read over real HTTP: pages and their cursors, unknown tickets, the search by the
 * comments' words, and the API description.
 */
class CommentReadApiTests extends ApiTest {

    @Test
    void aTicketIsFoundByTheWordsOfItsCommentsUntilTheyAreDeleted() {
        String id = ticket(api);
        String word = "zebrafish" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");

        JsonNode note = comment(
                api, id, aNote("The " + word + " module fails at night.").build());
        assertThat(found(word)).containsExactly(id);

        assertThat(api.delete("/tickets/" + id + "/comments/" + note.get("id").asString())
                        .status())
                .isEqualTo(204);
        assertThat(found(word)).isEmpty();
    }

    /** About 60,000 characters of tokens no other text has: a pasted log of request ids. */
    private static String pastedLog() {
        var log = new StringBuilder();
        while (log.length() < 60_000) {
            log.append(UUID.randomUUID().toString().replace("-", "")).append(' ');
        }
        return log.toString();
    }

    @Test
    void aLongConversationOfPastedLogsTakesEveryCommentAndItsNewestCommentsAreSearched() {
        String id = ticket(api);
        String letters = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String oldest = "firstlog" + letters;
        String newest = "lastlog" + letters;

        comment(api, id, aNote(oldest + " " + pastedLog()).build());
        // 1.2 million characters of distinct tokens in all: PostgreSQL's tsvector of all of them
        // would pass its 1 MB limit, and the comment would fail.
        for (int i = 0; i < 18; i++) {
            comment(api, id, aNote(pastedLog()).build());
        }
        comment(api, id, aNote(newest + " " + pastedLog()).build());

        assertThat(ticketJson(api, id).get("comment_count").asInt()).isEqualTo(20);
        assertThat(found(newest)).containsExactly(id);
        // The index holds the newest 100,000 characters of the comments (docs/SEARCH.md).
        assertThat(found(oldest)).isEmpty();
    }

    private List<String> found(String word) {
        var ids = new java.util.ArrayList<String>();
        api.get("/search?q=" + word)
                .json()
                .get("items")
                .forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    @Test
    void commentsOfATicketThatDoesNotExistAre404AndABadIdIs422() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.post("/tickets/" + unknown + "/comments", aReply("hi").build())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/tickets/" + unknown + "/comments")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Ticket not found");
        assertThat(api.get("/tickets/" + ticket(api) + "/comments/" + unknown)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Comment not found");
        assertThat(locsAndTypes(api.get("/tickets/nope/comments"))).containsExactly("[\"path\",\"id\"] uuid_parsing");
        assertThat(locsAndTypes(api.get("/tickets/" + unknown + "/comments/nope")))
                .containsExactly("[\"path\",\"comment_id\"] uuid_parsing");
    }

    @Test
    void pagesFollowTheCursorOldestFirstAndFilterByVisibility() {
        String id = ticket(api);
        var made = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            made.add(comment(api, id, (i % 2 == 0 ? aReply("reply " + i) : aNote("note " + i)).build())
                    .get("id")
                    .asString());
        }

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/tickets/" + id + "/comments?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(c -> seen.add(c.get("id").asString()));
            assertThat(page.get("total").asLong()).isEqualTo(5);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);
        JsonNode notes =
                api.get("/tickets/" + id + "/comments?visibility=internal").json();

        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(pages).isEqualTo(3);
        assertThat(notes.get("total").asLong()).isEqualTo(2);
        assertThat(notes.get("items").get(0).get("id").asString()).isEqualTo(made.get(1));
    }

    @Test
    void aCursorOfAnotherTicketOrFilterForgedOrABadLimitIs422() {
        String id = ticket(api);
        String other = ticket(api);
        for (int i = 0; i < 3; i++) {
            comment(api, id, aReply("reply " + i).build());
        }
        String cursor = api.get("/tickets/" + id + "/comments?limit=1")
                .json()
                .get("next_cursor")
                .asString();

        assertThat(locsAndTypes(api.get("/tickets/" + other + "/comments?cursor=" + cursor)))
                .containsExactly("[\"query\",\"cursor\"] value_error");
        assertThat(locsAndTypes(api.get("/tickets/" + id + "/comments?visibility=public&cursor=" + cursor)))
                .containsExactly("[\"query\",\"cursor\"] value_error");
        assertThat(locsAndTypes(api.get("/tickets/" + id + "/comments?cursor=" + cursor.replace('.', 'x'))))
                .containsExactly("[\"query\",\"cursor\"] value_error");
        assertThat(locsAndTypes(api.get("/tickets/" + id + "/comments?limit=0&visibility=all")))
                .containsExactlyInAnyOrder(
                        "[\"query\",\"limit\"] greater_than_equal", "[\"query\",\"visibility\"] enum");
        assertThat(api.get("/tickets/" + id + "/comments?cursor=" + cursor).status())
                .isEqualTo(200);
    }

    @Test
    void theApiDescriptionListsTheConversationEndpointsAndTheirSchemas() {
        JsonNode doc = api.get("/openapi.json").json();

        assertThat(doc.get("paths").propertyNames())
                .contains(
                        "/tickets/{id}/comments",
                        "/tickets/{id}/comments/{commentId}",
                        "/attachments/{id}",
                        "/tickets/{id}/merge");
        assertThat(doc.get("paths")
                        .get("/tickets/{id}/comments")
                        .get("post")
                        .get("requestBody")
                        .get("content")
                        .propertyNames())
                .contains("application/json", "multipart/form-data");
        // Each page has a schema of its own: the tickets' list and the comments' do not overwrite each other.
        assertThat(doc.get("components").get("schemas").propertyNames()).contains("Page", "CommentPage", "Comment");
    }
}
