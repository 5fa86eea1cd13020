package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.conversation.Conversations;
import org.supportdesk.system.Actor;

/** The ticket page's conversation, through the conversation feature's door. */
@Component
class ConversationAdapter implements TicketConversation {

    private final Conversations conversations;

    ConversationAdapter(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public List<Message> messages(UUID ticket) {
        return conversations.of(ticket).stream()
                .map(m -> new Message(
                        m.author(),
                        m.fromCustomer(),
                        m.internal(),
                        m.body(),
                        m.at(),
                        m.files().stream()
                                // The workspace's address of the file: the API's needs a key.
                                .map(f -> new File(f.name(), "/desk" + f.url(), f.size()))
                                .toList()))
                .toList();
    }

    @Override
    public void add(UUID ticket, String body, boolean internal, Actor actor) {
        conversations.add(ticket, body, internal, actor);
    }

    @Override
    public void serveFile(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        conversations.serveFile(id, request, response);
    }
}
