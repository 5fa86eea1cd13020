package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/**
 * Comments kept in memory, with the API's limits on a body, for the workspace tests of the ticket
 * page's conversation while the conversation feature is built on its own branch. Primary, so that
 * once that feature's adapter is in the service these tests still know what they read.
 */
@TestConfiguration(proxyBeanMethods = false)
@Primary
class InMemoryConversation implements TicketConversation {

    private final Map<UUID, List<Message>> comments = new ConcurrentHashMap<>();

    @Override
    public List<Message> messages(UUID ticket) {
        return List.copyOf(comments.getOrDefault(ticket, List.of()));
    }

    @Override
    public void add(UUID ticket, String body, boolean internal, Actor actor) {
        if (body.isBlank()) {
            throw new InvalidRequest(
                    Problem.body("String should have at least 1 character", "string_too_short", "body"));
        }
        if (body.length() > 65_536) {
            throw new InvalidRequest(
                    Problem.body("String should have at most 65536 characters", "string_too_long", "body"));
        }
        append(ticket, new Message(actor.name(), false, internal, body, Instant.now(), List.of()));
    }

    @Override
    public void serveFile(String id, HttpServletRequest request, HttpServletResponse response) {
        throw new TicketPageController.NoConversations();
    }

    /** A customer's message with its files, as an email channel would add it. */
    void customerWrote(UUID ticket, String author, String body, File... files) {
        append(ticket, new Message(author, true, false, body, Instant.now(), List.of(files)));
    }

    private void append(UUID ticket, Message message) {
        comments.compute(ticket, (id, list) -> {
            var next = list == null ? new ArrayList<Message>() : new ArrayList<>(list);
            next.add(message);
            return next;
        });
    }
}
