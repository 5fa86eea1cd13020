package org.supportdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.system.DomainEvent;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketConversations;

/**
 * Comments on a ticket: a new one with its files and its effect on the ticket in one write, pages
 * of them oldest first, edits (the old text goes into the ticket's history) and deletes (a
 * tombstone stays; the text and the files go).
 */
@Service
class CommentService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Comments comments;
    private final Attachments attachments;
    private final TicketConversations tickets;
    private final CommentCursor cursors;
    private final Database db;
    private final ApplicationEventPublisher events;

    CommentService(
            Comments comments,
            Attachments attachments,
            TicketConversations tickets,
            CommentCursor cursors,
            Database db,
            ApplicationEventPublisher events) {
        this.events = events;
        this.comments = comments;
        this.attachments = attachments;
        this.tickets = tickets;
        this.cursors = cursors;
        this.db = db;
    }

    /** A new comment by {@code actor}, with its files (checked already, see Uploads). */
    Comment add(UUID ticketId, CommentInput input, List<Upload> files, Actor actor) {
        var id = UUID.randomUUID();
        return db.write(() -> {
            TicketConversations.Commented commented =
                    tickets.commented(ticketId, id, input.byCustomer(), input.isPublic(), actor);
            Instant at = commented.at();
            var comment = new Comment(
                    id,
                    ticketId,
                    actor.name(),
                    actor.id(),
                    input.authorType(),
                    input.visibility(),
                    input.body(),
                    List.of(),
                    at,
                    null,
                    null,
                    null,
                    null,
                    0);
            comments.insert(comment);
            tickets.searchable(ticketId, comments.searchText(ticketId));
            var stored = new ArrayList<Attachment>(files.size());
            for (int i = 0; i < files.size(); i++) {
                stored.add(attachments.store(id, i, files.get(i), at));
            }
            Comment added = comment.withAttachments(stored);
            // In the comment's transaction: the webhooks' outbox keeps it if and only if it commits.
            var data = new java.util.LinkedHashMap<String, Object>();
            data.put("ticket", commented.ticket());
            data.put("comment", added);
            events.publishEvent(new DomainEvent("comment.created", ticketId, at, actor.name(), data));
            return added;
        });
    }

    /** A page of comments and the cursor of the next one (null after the last); named for the OpenAPI schema. */
    record CommentPage(List<Comment> items, long total, String nextCursor) {}

    CommentPage list(UUID ticketId, Visibility only, String cursor, int limit) {
        tickets.requireTicket(ticketId);
        CommentCursor.Position after = null;
        if (cursor != null) {
            after = cursors.decode(cursor, ticketId, only);
            if (after == null) {
                throw new InvalidRequest(Problem.query(
                        "cursor",
                        "Invalid cursor: use the next_cursor of a previous page of this ticket's comments, with"
                                + " the same visibility",
                        "value_error"));
            }
        }
        List<Comment> rows = comments.page(ticketId, only, after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = cursors.encode(ticketId, only, rows.get(limit - 1));
        }
        return new CommentPage(withFiles(rows), comments.count(ticketId, only), next);
    }

    Comment get(UUID ticketId, UUID commentId) {
        Comment comment = comments.find(ticketId, commentId).orElseThrow(CommentNotFound::new);
        return withFiles(List.of(comment)).get(0);
    }

    /** A new text for the comment; the same text changes nothing. */
    Comment edit(UUID ticketId, UUID commentId, String body, Actor actor) {
        db.write(() -> {
            Comment comment = lockedComment(ticketId, commentId);
            if (comment.deleted()) {
                throw new CommentDeleted();
            }
            if (!comment.body().equals(body)) {
                Instant at = tickets.now();
                if (!comments.edit(commentId, body, at)) {
                    throw new IllegalStateException("Comment " + commentId + " changed while its ticket was locked");
                }
                tickets.edited(ticketId, commentId, comment.body(), body, actor, at);
                tickets.searchable(ticketId, comments.searchText(ticketId));
            }
            return null;
        });
        return get(ticketId, commentId);
    }

    /**
     * Leaves a tombstone: the text and the files go. Deleting a tombstone again makes sure they are
     * gone (files, text, the texts in its edits' events) without counting or logging it again: it
     * is what an admin does when a text may have survived, and it must never leave one.
     */
    void delete(UUID ticketId, UUID commentId, Actor actor) {
        db.write(() -> {
            Comment comment = lockedComment(ticketId, commentId);
            attachments.deleteOf(commentId);
            if (comment.deleted()) {
                comments.clearTombstone(commentId);
                tickets.forgetCommentText(commentId);
                return null;
            }
            Instant at = tickets.now();
            if (!comments.tombstone(commentId, at, actor.name())) {
                throw new IllegalStateException("Comment " + commentId + " deleted while its ticket was locked");
            }
            tickets.deleted(ticketId, commentId, actor, at);
            tickets.searchable(ticketId, comments.searchText(ticketId));
            return null;
        });
    }

    /**
     * The comment, read after its ticket's row is locked (TicketConversations#lock): on PostgreSQL
     * an edit or delete of another instance has committed by then and is seen, so a delete is
     * never undone by an edit that read the text before it, nor counted twice, and each edit's
     * old text is the one the edit before it left.
     */
    private Comment lockedComment(UUID ticketId, UUID commentId) {
        if (!tickets.lock(ticketId)) {
            throw new CommentNotFound();
        }
        return comments.find(ticketId, commentId).orElseThrow(CommentNotFound::new);
    }

    private List<Comment> withFiles(List<Comment> page) {
        Map<UUID, List<Attachment>> files =
                attachments.of(page.stream().map(Comment::id).toList());
        return page.stream()
                .map(c -> c.withAttachments(files.getOrDefault(c.id(), List.of())))
                .toList();
    }
}
