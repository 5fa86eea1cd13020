package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * The ticket page's conversation where the service has one (web/TicketConversation): comments
 * after the description in order, internal notes marked, files linked, and the reply box.
 */
@Import(InMemoryConversation.class)
class TicketConversationPageTests extends ApiTest {

    @Autowired
    InMemoryConversation conversation;

    Browser agent;
    String id;

    @BeforeEach
    void aTicketOpen() {
        agent = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        id = api.post(
                        "/tickets",
                        aTicket().withCustomer("web-conv-" + UUID.randomUUID()).build())
                .json()
                .get("id")
                .asString();
        agent.get("/desk/tickets/" + id);
    }

    @Test
    void aReplyAndAnInternalNoteAppearInOrderTheNoteMarkedAsInternal() {
        Browser.Page replied = agent.htmxPost(
                "/desk/tickets/" + id + "/comments", Map.of("kind", "reply", "body", "We refunded the charge."));
        assertThat(replied.body()).contains("Reply sent.").contains("We refunded the charge.");
        Browser.Page noted = agent.htmxPost(
                "/desk/tickets/" + id + "/comments", Map.of("kind", "note", "body", "Refund ref R-17 <b>not html</b>"));
        assertThat(noted.body()).contains("Note added.");

        String page = agent.get("/desk/tickets/" + id).body();
        assertThat(page.indexOf("We refunded the charge.")).isPositive().isLessThan(page.indexOf("Refund ref R-17"));
        assertThat(page).contains("class=\"message reply\"").contains("class=\"message note\"");
        assertThat(page).contains("left an internal note").contains("internal: the customer does not see it");
        // Plain text, never markup.
        assertThat(page).contains("&lt;b&gt;not html&lt;/b&gt;").doesNotContain("<b>not html</b>");
        assertThat(conversation.messages(UUID.fromString(id)))
                .extracting(TicketConversation.Message::author, TicketConversation.Message::internal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Browser.ADMIN_NAME, false),
                        org.assertj.core.groups.Tuple.tuple(Browser.ADMIN_NAME, true));
    }

    @Test
    void anEmptyMessageIsNotSentAndTheBoxSaysWhy() {
        Browser.Page empty = agent.htmxPost("/desk/tickets/" + id + "/comments", Map.of("kind", "note", "body", "   "));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("Not sent: see the message.")
                .contains("id=\"error-body\"")
                .contains("at least 1 character");
        // The agent's choice of a note stays chosen.
        assertThat(empty.body()).containsPattern("value=\"note\"[^>]*checked");
        assertThat(conversation.messages(UUID.fromString(id))).isEmpty();
    }

    @Test
    void aMessageSentAsNeitherReplyNorNoteIsNotSent() {
        Browser.Page bogus =
                agent.htmxPost("/desk/tickets/" + id + "/comments", Map.of("kind", "bogus", "body", "Which one?"));
        Browser.Page both = agent.htmxPost(
                "/desk/tickets/" + id + "/comments?kind=reply", Map.of("kind", "note", "body", "Both at once"));

        for (Browser.Page page : List.of(bogus, both)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Not sent: see the message.").contains("id=\"error-kind\"");
        }
        assertThat(conversation.messages(UUID.fromString(id))).isEmpty();
    }

    @Test
    void theCustomersMessagesAndTheirFilesAreShown() {
        conversation.customerWrote(
                UUID.fromString(id),
                "Ann Lee",
                "Here is the receipt.",
                new TicketConversation.File("receipt.pdf", "/attachments/f-1", 12_800));
        String page = agent.get("/desk/tickets/" + id).body();
        assertThat(page).contains("class=\"message customer\"").contains("Here is the receipt.");
        assertThat(page)
                .contains("href=\"/attachments/f-1\"")
                .contains("receipt.pdf")
                .contains("13 KB");
    }

    @Test
    void aViewerReadsTheConversationButHasNoReplyBox() {
        conversation.customerWrote(UUID.fromString(id), "Ann Lee", "Any news?");
        Browser viewer = WorkspaceApiTest.invitedAgent(agent, port, "viewer");
        String page = viewer.get("/desk/tickets/" + id).body();
        assertThat(page).contains("Any news?").doesNotContain("id=\"reply-body\"");
        assertThat(viewer.htmxPost("/desk/tickets/" + id + "/comments", Map.of("body", "hello"))
                        .status())
                .isEqualTo(403);
    }
}
