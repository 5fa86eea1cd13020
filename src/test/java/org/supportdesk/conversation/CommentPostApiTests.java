package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Concurrently;
import tools.jackson.databind.JsonNode;

/**
 * Comments posted over real HTTP: the three kinds in order, the location and defaults, the author,
 * the body kept exactly, its limits and problems, and comments sent at once.
 */
class CommentPostApiTests extends ApiTest {

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
}
