package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.history;
import static org.supportdesk.conversation.ConversationFixtures.lastEvent;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Concurrently;
import tools.jackson.databind.JsonNode;

class CommentApiTests extends ApiTest {

    @Test
    void aCustomersMessageAnAgentsReplyAndAnInternalNoteAppearInOrder() {
        String id = ticket(api);

        JsonNode message =
                comment(api, id, aCustomerMessage("It still crashes on export.").build());
        JsonNode reply =
                comment(api, id, aReply("Thanks, we are looking into it.").build());
        JsonNode note =
                comment(api, id, aNote("Reproduced on 4.2, see the logs.").build());

        JsonNode page = comments(api, id);
        assertThat(page.get("items").size()).isEqualTo(3);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("next_cursor").isNull()).isTrue();
        var items = page.get("items");
        assertThat(List.of(items.get(0), items.get(1), items.get(2))).containsExactly(message, reply, note);
        assertThat(message.get("author_type").asString()).isEqualTo("customer");
        assertThat(message.get("visibility").asString()).isEqualTo("public");
        assertThat(note.get("visibility").asString()).isEqualTo("internal");
        JsonNode ticket = ticketJson(api, id);
        assertThat(ticket.get("comment_count").asInt()).isEqualTo(3);
        assertThat(ticket.get("last_comment_at").asString())
                .isEqualTo(note.get("created_at").asString());
    }

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
    void aNewCommentIsAnsweredWithItsLocationAndDefaultsToAPublicAgentReply() {
        String id = ticket(api);

        Api.Response r = api.post("/tickets/" + id + "/comments", Map.of("body", "On it."));

        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(r.header("Location"))
                .isEqualTo("/tickets/" + id + "/comments/" + c.get("id").asString());
        assertThat(c.get("ticket_id").asString()).isEqualTo(id);
        assertThat(c.get("visibility").asString()).isEqualTo("public");
        assertThat(c.get("author_type").asString()).isEqualTo("agent");
        assertThat(c.get("attachments").size()).isZero();
        assertThat(c.get("edited_at").isNull()).isTrue();
        assertThat(c.get("deleted_at").isNull()).isTrue();
        assertThat(c.get("merged_from").isNull()).isTrue();
        assertThat(api.get("/tickets/" + id + "/comments/" + c.get("id").asString())
                        .json())
                .isEqualTo(c);
    }

    @Test
    void theAuthorIsTheKeyThatPostedIt() {
        JsonNode key = api.post("/api-keys", Map.of("name", "maria-" + UUID.randomUUID(), "role", "agent"))
                .json();
        Api maria = api.withKey(key.get("key").asString());
        String id = ticket(api);

        JsonNode c = comment(maria, id, aReply("Hello from Maria").build());

        assertThat(c.get("author").asString()).isEqualTo(key.get("name").asString());
        assertThat(c.get("author_id").asString()).isEqualTo(key.get("id").asString());
    }

    @Test
    void theBodyIsStoredExactlyAsSentNeverTrimmedNorReadAsHtml() {
        String id = ticket(api);
        String text = "  <script>alert(1)</script> &amp; 😀\n\nline two\t ";

        JsonNode c = comment(api, id, aReply(text).build());

        assertThat(c.get("body").asString()).isEqualTo(text);
        assertThat(comments(api, id).get("items").get(0).get("body").asString()).isEqualTo(text);
    }

    @Test
    void aBodyOfExactly65536CharactersIsKeptAndOneMoreIsRefused() {
        String id = ticket(api);
        String longest = "é".repeat(65_535) + "😀"; // 65,536 characters, 65,537 UTF-16 units

        Api.Response ok =
                api.post("/tickets/" + id + "/comments", aReply(longest).build());
        Api.Response tooLong = api.post(
                "/tickets/" + id + "/comments", aReply("x".repeat(65_537)).build());

        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("body").asString()).isEqualTo(longest);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_long");
    }

    @Test
    void everyProblemOfABodyIsReportedAtOnce() {
        String id = ticket(api);

        Api.Response r = api.post(
                "/tickets/" + id + "/comments",
                Map.of("body", "   \n ", "visibility", "secret", "author_type", "bot", "public", true));

        assertThat(r.status()).isEqualTo(422);
        assertThat(locsAndTypes(r))
                .containsExactlyInAnyOrder(
                        "[\"body\",\"body\"] string_too_short",
                        "[\"body\",\"visibility\"] enum",
                        "[\"body\",\"author_type\"] enum",
                        "[\"body\",\"public\"] extra_forbidden");
    }

    @Test
    void textThatNoDatabaseStoresAsSentIsRefused() {
        String id = ticket(api);

        Api.Response nul = api.send(
                "POST", "/tickets/" + id + "/comments", "application/json", "{\"body\": \"a\\u0000b\"}", Map.of());
        Api.Response surrogate = api.send(
                "POST", "/tickets/" + id + "/comments", "application/json", "{\"body\": \"ab\\ud800cd\"}", Map.of());
        Api.Response wrongType = api.post("/tickets/" + id + "/comments", Map.of("body", 42));
        Api.Response missing = api.post("/tickets/" + id + "/comments", Map.of("visibility", "public"));
        Api.Response notAnObject = api.send("POST", "/tickets/" + id + "/comments", "application/json", "[]", Map.of());
        Api.Response notJson = api.send("POST", "/tickets/" + id + "/comments", "application/json", "{", Map.of());

        assertThat(locsAndTypes(nul)).containsExactly("[\"body\",\"body\"] string_nul");
        assertThat(locsAndTypes(surrogate)).containsExactly("[\"body\",\"body\"] string_unicode");
        assertThat(locsAndTypes(wrongType)).containsExactly("[\"body\",\"body\"] string_type");
        assertThat(locsAndTypes(missing)).containsExactly("[\"body\",\"body\"] missing");
        assertThat(locsAndTypes(notAnObject)).containsExactly("[\"body\"] model_attributes_type");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void aCustomersCommentCannotBeAnInternalNote() {
        String id = ticket(api);

        Api.Response r = api.post(
                "/tickets/" + id + "/comments",
                aCustomerMessage("psst").with("visibility", "internal").build());

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"visibility\"] value_error");
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

    @Test
    void concurrentCommentsOnOneTicketAreAllKeptAndCounted() throws Exception {
        String id = ticket(api);

        List<Integer> statuses = Concurrently.run(
                24,
                8,
                i -> api.post("/tickets/" + id + "/comments", aNote("note " + i).build())
                        .status());

        assertThat(statuses).containsOnly(201);
        JsonNode ticket = ticketJson(api, id);
        assertThat(ticket.get("comment_count").asInt()).isEqualTo(24);
        assertThat(ticket.get("version").asInt()).isEqualTo(1);
        assertThat(comments(api, id).get("items").size()).isEqualTo(24);
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
