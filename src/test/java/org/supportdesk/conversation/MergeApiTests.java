package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.history;
import static org.supportdesk.conversation.ConversationFixtures.lastEvent;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;
import tools.jackson.databind.JsonNode;

class MergeApiTests extends ApiTest {

    private Api.Response merge(String target, Object... sources) {
        return api.post("/tickets/" + target + "/merge", Map.of("source_ids", List.of(sources)));
    }

    @Test
    void twoDuplicatesMergeIntoOneWithTheirWholeConversation() {
        String target = ticket(api, aTicket().withSubject("Export fails"));
        comment(api, target, aReply("Which browser?").build());
        String duplicate = ticket(
                api,
                aTicket()
                        .withSubject("Export still fails")
                        .withDescription("Same as before, the export button does nothing."));
        JsonNode moved = comment(
                api, duplicate, aNote("Probably the same as the other one").build());
        JsonNode file = Multipart.form()
                .field("body", "screenshot")
                .field("author_type", "customer")
                .file("files", "shot.png", "image/png", AttachmentApiTests.screenshot())
                .sendTo(api, "/tickets/" + duplicate + "/comments")
                .json();

        Api.Response r = merge(target, duplicate);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("ticket_id").asString()).isEqualTo(target);
        assertThat(r.json().get("merged_ids").toString()).isEqualTo("[\"" + duplicate + "\"]");
        assertThat(r.json().get("comments_moved").asInt()).isEqualTo(3);
        JsonNode items = comments(api, target).get("items");
        var bodies = new ArrayList<String>();
        items.forEach(c -> bodies.add(c.get("body").asString()));
        assertThat(bodies)
                .containsExactly(
                        "Which browser?",
                        "Export still fails\n\nSame as before, the export button does nothing.",
                        "Probably the same as the other one",
                        "screenshot");
        assertThat(items.get(1).get("author_type").asString()).isEqualTo("customer");
        for (int i = 1; i < 4; i++) {
            assertThat(items.get(i).get("merged_from").asString()).isEqualTo(duplicate);
        }
        assertThat(items.get(2).get("id")).isEqualTo(moved.get("id"));
        String url = file.get("attachments").get(0).get("url").asString();
        assertThat(items.get(3).get("attachments").get(0).get("url").asString()).isEqualTo(url);
        assertThat(api.download(url).body()).isEqualTo(AttachmentApiTests.screenshot());
        JsonNode t = ticketJson(api, target);
        assertThat(t.get("comment_count").asInt()).isEqualTo(4);
        assertThat(t.get("merged_into").isNull()).isTrue();
        assertThat(comments(api, duplicate).get("total").asLong()).isZero();
    }

    @Test
    void sourcesAreClosedAsMergedAndHistoryIsOnEveryTicketTouched() {
        String target = ticket(api);
        String a = ticket(api);
        String b = ticket(api, aTicket().with("status", "in_progress"));

        merge(target, a, b);

        for (String source : List.of(a, b)) {
            JsonNode t = ticketJson(api, source);
            assertThat(t.get("status").asString()).isEqualTo("closed");
            assertThat(t.get("merged_into").asString()).isEqualTo(target);
            assertThat(t.get("resolved_at").isNull()).isFalse();
            assertThat(t.get("comment_count").asInt()).isZero();
            assertThat(t.get("version").asInt()).isEqualTo(2);
            JsonNode event = lastEvent(api, source);
            assertThat(event.get("action").asString()).isEqualTo("merged");
            assertThat(event.get("merge").get("into").asString()).isEqualTo(target);
            assertThat(event.get("changes").get("merged_into").get("new").asString())
                    .isEqualTo(target);
            assertThat(event.get("changes").get("status").get("new").asString()).isEqualTo("closed");
        }
        JsonNode targetEvent = lastEvent(api, target);
        assertThat(targetEvent.get("action").asString()).isEqualTo("merged");
        assertThat(targetEvent.get("merge").get("sources").toString()).isEqualTo("[\"" + a + "\",\"" + b + "\"]");
        assertThat(ticketJson(api, target).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingSourceUndoesTheWholeMerge() {
        String target = ticket(api);
        String first = ticket(api);
        comment(api, first, aCustomerMessage("first source's message").build());
        JsonNode firstBefore = ticketJson(api, first);
        int historyBefore = history(api, first).size();
        String missing = UUID.randomUUID().toString();

        Api.Response r = merge(target, first, missing);

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"source_ids\",1] not_found");
        assertThat(ticketJson(api, first)).isEqualTo(firstBefore);
        assertThat(history(api, first).size()).isEqualTo(historyBefore);
        assertThat(comments(api, first).get("total").asLong()).isEqualTo(1);
        assertThat(comments(api, target).get("total").asLong()).isZero();
        assertThat(history(api, target).size()).isEqualTo(1);
    }

    @Test
    void aTicketCannotBeMergedIntoItselfNorTwiceInOneRequest() {
        String target = ticket(api);
        String other = ticket(api);

        assertThat(locsAndTypes(merge(target, target))).containsExactly("[\"body\",\"source_ids\",0] value_error");
        assertThat(locsAndTypes(merge(target, other, other)))
                .containsExactly("[\"body\",\"source_ids\",1] value_error");
        assertThat(locsAndTypes(merge(target, "not-a-uuid", 7)))
                .containsExactly(
                        "[\"body\",\"source_ids\",0] uuid_parsing", "[\"body\",\"source_ids\",1] uuid_parsing");
        assertThat(locsAndTypes(merge(target))).containsExactly("[\"body\",\"source_ids\"] too_short");
        assertThat(locsAndTypes(api.post("/tickets/" + target + "/merge", Map.of("ids", List.of(other)))))
                .containsExactlyInAnyOrder("[\"body\",\"ids\"] extra_forbidden", "[\"body\",\"source_ids\"] missing");
        assertThat(ticketJson(api, other).get("status").asString()).isEqualTo("new");
    }

    @Test
    void mergingIntoAMergedTicketOrAMergedTicketAgainOrInACycleIs409() {
        String a = ticket(api);
        String b = ticket(api);
        String c = ticket(api);
        assertThat(merge(b, a).status()).isEqualTo(200);

        Api.Response intoMerged = merge(a, c);
        Api.Response mergedAgain = merge(c, a);
        Api.Response cycle = merge(a, b);

        assertThat(intoMerged.status()).isEqualTo(409);
        assertThat(intoMerged.json().get("detail").asString()).contains("merged into " + b);
        assertThat(mergedAgain.status()).isEqualTo(409);
        assertThat(mergedAgain.json().get("detail").asString()).contains(a).contains("merged into " + b);
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(ticketJson(api, c).get("status").asString()).isEqualTo("new");
        assertThat(ticketJson(api, b).get("status").asString()).isEqualTo("new");
    }

    @Test
    void aMergedTicketTakesNoMoreChangesOrComments() {
        String target = ticket(api);
        String source = ticket(api);
        merge(target, source);

        Api.Response patch = api.patch("/tickets/" + source, Map.of("status", "in_progress"));
        Api.Response put = api.put("/tickets/" + source, aTicket().build());
        Api.Response commented =
                api.post("/tickets/" + source + "/comments", aReply("hello?").build());

        assertThat(patch.status()).isEqualTo(409);
        assertThat(patch.json().get("detail").asString())
                .isEqualTo("Ticket was merged into " + target + "; use that ticket instead");
        assertThat(put.status()).isEqualTo(409);
        assertThat(commented.status()).isEqualTo(409);
        assertThat(ticketJson(api, source).get("comment_count").asInt()).isZero();
    }

    @Test
    void anUnknownTargetIs404() {
        Api.Response r = merge(UUID.randomUUID().toString(), ticket(api));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("Ticket not found");
    }
}
