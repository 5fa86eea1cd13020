package org.supportdesk.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;

/**
 * The conversation feature's door into tickets: what comments and merges do to the ticket row and
 * its history. Each method runs inside the caller's write (system/Database), so a comment and its
 * effect on the ticket commit together or not at all.
 *
 * <p>A comment changes the ticket's `version` (and `updated_at`) only when it changes the ticket:
 * the workflow moves its status, or it is the first public answer of an agent (`first_response_at`,
 * and with it the SLA). Counting comments (`comment_count`, `last_comment_at`) leaves the version
 * alone, so a client's `If-Match` fails only when the ticket it read is out of date.
 */
@Component
public class TicketConversations {

    private final TicketStore tickets;
    private final TicketLocks locks;
    private final TicketUpdates updates;
    private final TicketHistory history;
    private final TicketSla sla;
    private final Clock clock;
    private final TicketEvents events;
    private final TicketSearchIndex index;

    TicketConversations(
            TicketStore tickets,
            TicketLocks locks,
            TicketUpdates updates,
            TicketHistory history,
            TicketSla sla,
            Clock clock,
            TicketEvents events,
            TicketSearchIndex index) {
        this.index = index;
        this.tickets = tickets;
        this.locks = locks;
        this.updates = updates;
        this.history = history;
        this.sla = sla;
        this.clock = clock;
        this.events = events;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** @throws TicketNotFound unless the ticket exists */
    public void requireTicket(UUID ticketId) {
        if (!tickets.exists(ticketId)) {
            throw new TicketNotFound();
        }
    }

    /**
     * Locks the ticket's row until the transaction ends (PostgreSQL), before a comment is read to
     * be edited or deleted: changes of one ticket's comments take turns, each reads what the one
     * before it committed, and none writes history for a ticket deleted meanwhile.
     *
     * @return false when there is no such ticket
     */
    public boolean lock(UUID ticketId) {
        return locks.lock(ticketId);
    }

    /**
     * Locks the rows of a merge's tickets, in id order, before any of them is read: two merges of
     * the same tickets then take turns, where each used to hold one ticket the other waited for (a
     * deadlock PostgreSQL broke by failing one merge).
     */
    public void lockForMerge(UUID targetId, List<UUID> sourceIds) {
        var all = new ArrayList<UUID>(sourceIds);
        all.add(targetId);
        locks.lockExisting(all);
    }

    /**
     * The ticket's comments, as one text, searched with it from now on (null: none); in the
     * transaction that changed them.
     */
    public void searchable(UUID ticketId, String comments) {
        index.comments(ticketId, comments);
    }

    /**
     * A new comment on the ticket: counted, the workflow and the first response applied, and a
     * `commented` event in the history with what changed.
     *
     * @return the comment's time
     * @throws TicketNotFound when there is no such ticket; TicketMerged when it was merged
     */
    /** When a comment was added, and its ticket as the API shows it after the comment. */
    public record Commented(Instant at, Ticket ticket) {}

    public Commented commented(UUID ticketId, UUID commentId, boolean byCustomer, boolean isPublic, Actor actor) {
        Instant at = now();
        // First, so that on PostgreSQL the row is ours until the comment commits (TicketStore).
        if (!tickets.countComments(ticketId, 1, at)) {
            throw new TicketNotFound();
        }
        Ticket current = tickets.find(ticketId).orElseThrow(TicketNotFound::new);
        if (current.mergedInto() != null) {
            throw new TicketMerged(current.mergedInto());
        }
        Status status = Workflow.afterComment(current.status(), byCustomer, isPublic);
        Instant firstResponse =
                current.firstResponseAt() == null && !byCustomer && isPublic ? at : current.firstResponseAt();
        Map<String, HistoryEvent.Change> changes = Map.of();
        Ticket after = current;
        if (status != current.status() || !java.util.Objects.equals(firstResponse, current.firstResponseAt())) {
            Ticket next = changed(current, status, firstResponse, null, at);
            changes = TicketChanges.between(current, next);
            if (!updates.update(current, next, changes.keySet(), actor)) {
                throw new IllegalStateException("Ticket " + ticketId + " changed while its row was locked");
            }
            // The workflow moved the ticket (reopen, first answer): webhooks hear it as any change.
            events.updated(TicketEvents.UPDATED, current, next, changes.keySet(), actor);
            after = next;
        }
        var comment = new LinkedHashMap<String, Object>();
        comment.put("id", commentId.toString());
        comment.put("author_type", byCustomer ? "customer" : "agent");
        comment.put("visibility", isPublic ? "public" : "internal");
        history.append(ticketId, HistoryEvent.ofComment(at, actor, "commented", changes, commentId, comment));
        return new Commented(at, after);
    }

    /** A comment's text changed: the old and the new text go into the history. */
    public void edited(UUID ticketId, UUID commentId, String before, String after, Actor actor, Instant at) {
        history.append(
                ticketId,
                HistoryEvent.ofComment(
                        at,
                        actor,
                        "comment_edited",
                        Map.of("comment.body", new HistoryEvent.Change(before, after)),
                        commentId,
                        Map.of("id", commentId.toString())));
    }

    /** Removes the text of a deleted comment from the events of its edits, again (see CommentService#delete). */
    public void forgetCommentText(UUID commentId) {
        history.forgetCommentText(commentId);
    }

    /** A comment was deleted: uncounted, its text removed from its edits' events, a `comment_deleted` event. */
    public void deleted(UUID ticketId, UUID commentId, Actor actor, Instant at) {
        tickets.countComments(ticketId, -1, null);
        history.forgetCommentText(commentId);
        history.append(
                ticketId,
                HistoryEvent.ofComment(
                        at, actor, "comment_deleted", Map.of(), commentId, Map.of("id", commentId.toString())));
    }

    /**
     * @throws TicketNotFound when the target does not exist; TicketMerged when it was merged itself
     */
    public void checkMergeTarget(UUID targetId) {
        // Locked: the target is not deleted under the comments moving into it and its `merged` event.
        Ticket target = tickets.findLocked(targetId).orElseThrow(TicketNotFound::new);
        if (target.mergedInto() != null) {
            throw new TicketMerged(target.mergedInto());
        }
    }

    /** What the target of a merge keeps of a source: its first message and who wrote it. */
    public record MergedSource(String subject, String description, Instant createdAt, Actor createdBy) {}

    /**
     * Closes a source of a merge with `merged_into`, without comments (they move to the target).
     *
     * @return the source, or empty when there is no such ticket
     * @throws TicketMerged when the source was merged already
     */
    public Optional<MergedSource> closeAsMerged(UUID sourceId, UUID targetId, Actor actor, Instant at) {
        Optional<Ticket> found = tickets.find(sourceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ticket source = found.get();
        if (source.mergedInto() != null) {
            throw new TicketMerged(sourceId, source.mergedInto());
        }
        Ticket next = changed(source, Status.CLOSED, source.firstResponseAt(), targetId, at);
        if (!updates.update(source, next, TicketChanges.between(source, next).keySet(), actor)) {
            // Changed by another instance between our read and our write: merge it as it is now.
            return closeAsMerged(sourceId, targetId, actor, at);
        }
        tickets.setConversation(sourceId, 0, null);
        history.append(
                sourceId,
                HistoryEvent.ofMerge(
                        at, actor, TicketChanges.between(source, next), Map.of("into", targetId.toString())));
        return Optional.of(
                new MergedSource(source.subject(), source.description(), source.createdAt(), source.createdBy()));
    }

    /** The target of a merge: its conversation as counted again, and a `merged` event naming the sources. */
    public void merged(
            UUID targetId, List<UUID> sourceIds, int commentCount, Instant lastCommentAt, Actor actor, Instant at) {
        tickets.setConversation(targetId, commentCount, lastCommentAt);
        history.append(
                targetId,
                HistoryEvent.ofMerge(
                        at,
                        actor,
                        Map.of(),
                        Map.of("sources", sourceIds.stream().map(UUID::toString).toList())));
    }

    /** The ticket one version up with a status, first response or merge, and what follows from them. */
    private Ticket changed(Ticket current, Status status, Instant firstResponse, UUID mergedInto, Instant at) {
        Instant resolvedAt = TicketService.resolvedAt(current.status(), status, current.resolvedAt(), at);
        return current.withState(
                status,
                resolvedAt,
                firstResponse,
                mergedInto,
                sla.next(current, current.priority(), status, firstResponse, resolvedAt, at),
                at);
    }
}
