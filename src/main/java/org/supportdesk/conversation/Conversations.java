package org.supportdesk.conversation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;

/**
 * The conversation's door for the other features (the workspace's ticket page): a ticket's
 * comments as plain values, and a reply or a note added exactly as `POST /tickets/{id}/comments`
 * adds one (same checks, workflow, history and clocks), and a comment's file.
 */
@Component
public class Conversations {

    /** The most comments one call returns: a page shows a conversation, not an archive. */
    static final int MOST = 1_000;

    private static final int PAGE = 200;

    private final CommentService comments;
    private final Attachments attachments;

    Conversations(CommentService comments, Attachments attachments) {
        this.comments = comments;
        this.attachments = attachments;
    }

    /**
     * Answers with a comment's file exactly as `GET /attachments/{id}` does (its type, inline or a
     * download, no sniffing, a sandbox): for the workspace, whose signed-in agents the API's address
     * does not know. 404 (NotFound) for an unknown file.
     */
    public void serveFile(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttachmentController.serve(attachments, id, request, response);
    }

    /** A file of a comment and where the API serves it. */
    public record File(String name, String url, long size) {}

    /** A comment; {@code body} null for a deleted one. */
    public record Message(
            String author, boolean fromCustomer, boolean internal, String body, Instant at, List<File> files) {}

    /** The ticket's comments, oldest first, at most {@link #MOST}; 404 (TicketNotFound) for an unknown ticket. */
    public List<Message> of(UUID ticket) {
        var all = new ArrayList<Message>();
        String cursor = null;
        do {
            CommentService.CommentPage page = comments.list(ticket, null, cursor, PAGE);
            for (Comment c : page.items()) {
                all.add(new Message(
                        c.author(),
                        c.authorType() == AuthorType.CUSTOMER,
                        c.visibility() == Visibility.INTERNAL,
                        c.deleted() ? null : c.body(),
                        c.createdAt(),
                        c.attachments().stream()
                                .map(a -> new File(a.filename(), a.url(), a.size()))
                                .toList()));
            }
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MOST);
        return all;
    }

    /** A public reply or an internal note by an agent; problems with the body are InvalidRequests on "body". */
    public void add(UUID ticket, String body, boolean internal, Actor actor) {
        var fields = new HashMap<String, String>();
        fields.put("body", body);
        fields.put("visibility", internal ? "internal" : "public");
        comments.add(ticket, CommentInput.of(fields, new ArrayList<>()), List.of(), actor);
    }
}
