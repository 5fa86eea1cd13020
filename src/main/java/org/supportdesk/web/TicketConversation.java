package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.system.Actor;

/**
 * What the ticket page needs of the conversation feature (comments, internal notes, attachments),
 * which is built on a branch of its own: where a bean of this type exists (an adapter in this
 * package over the conversation's door) the page shows the comments after the description and a
 * reply box; where none does, the description alone. Problems with a comment (an empty body, one
 * too long) are {@link org.supportdesk.system.InvalidRequest}s on the field "body".
 */
interface TicketConversation {

    /** A file of a comment, served to the signed-in agent at {@code url} (under /desk). */
    record File(String name, String url, long size) {}

    /** A comment; {@code body} null for a deleted one (a tombstone). */
    record Message(String author, boolean fromCustomer, boolean internal, String body, Instant at, List<File> files) {

        public boolean deleted() {
            return body == null;
        }
    }

    /** The ticket's comments, oldest first. */
    List<Message> messages(UUID ticket);

    /** A public reply or an internal note by {@code actor}, as `POST /tickets/{id}/comments`. */
    void add(UUID ticket, String body, boolean internal, Actor actor);

    /** Answers with a comment's file as the API does; NotFound for an unknown one. */
    void serveFile(String id, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
