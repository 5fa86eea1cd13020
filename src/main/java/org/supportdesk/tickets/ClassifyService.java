package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;

/**
 * Classifies one stored ticket: the classification is applied because the caller asked for it,
 * and logged in its history, applied or not (SPEC §4). What a decision does to a ticket, and the
 * history event it makes, are decided here for classify-all too ({@link ClassifyAll}).
 */
@Service
class ClassifyService {

    private final TicketStore tickets;
    private final TicketUpdates updates;
    private final TicketHistory history;
    private final Triage triage;
    private final TicketSla sla;
    private final TicketService service;
    private final TicketEvents changes;
    private final Database db;

    ClassifyService(
            TicketStore tickets,
            TicketUpdates updates,
            TicketHistory history,
            Triage triage,
            TicketSla sla,
            TicketService service,
            TicketEvents changes,
            Database db) {
        this.tickets = tickets;
        this.updates = updates;
        this.history = history;
        this.triage = triage;
        this.sla = sla;
        this.service = service;
        this.changes = changes;
        this.db = db;
    }

    ClassificationResult classifyOne(UUID id, boolean apply, Actor actor) {
        return db.write(() -> {
            // Locked, since a decision not applied is logged without an update of the row.
            Ticket ticket = tickets.findLocked(id).orElseThrow(TicketNotFound::new);
            if (apply && ticket.mergedInto() != null) {
                // Closed for good, as for PATCH (TicketEdits); a suggestion (apply=false) changes nothing.
                throw new TicketMerged(ticket.mergedInto());
            }
            Instant at = service.now();
            ClassificationInfo info = triage.classify(ticket.subject(), ticket.description(), at);
            Ticket next = apply ? applied(ticket, info, true, at) : null;
            var fields = next == null ? List.<String>of() : ChangeLog.fields(TicketChanges.between(ticket, next), true);
            if (next != null && !updates.update(ticket, next, fields, actor)) {
                // Changed by another writer since we read it: classify it as it is now.
                return classifyOne(id, apply, actor);
            }
            history.append(id, event(ticket, next, info, actor, at));
            if (next != null) {
                changes.updated(TicketEvents.CLASSIFIED, ticket, next, fields, actor);
            }
            return ClassificationResult.of(id, info, next != null);
        });
    }

    /**
     * The ticket with the decision applied to the fields the classifier may set, or null when it
     * may set none: both were given by a person and people are not overridden.
     */
    Ticket applied(Ticket t, ClassificationInfo info, boolean overridePeople, Instant at) {
        boolean category = overridePeople || t.categoryBy() == Origin.CLASSIFIER;
        boolean priority = overridePeople || t.priorityBy() == Origin.CLASSIFIER;
        if (!category && !priority) {
            return null;
        }
        Priority nextPriority = priority ? info.priority() : t.priority();
        return t.withTriage(
                category ? info.category() : t.category(),
                category ? Origin.CLASSIFIER : t.categoryBy(),
                nextPriority,
                priority ? Origin.CLASSIFIER : t.priorityBy(),
                TicketClassification.of(info),
                sla.next(t, nextPriority, t.status(), t.firstResponseAt(), t.resolvedAt(), at),
                at,
                t.version() + 1);
    }

    /** The history event of a decision: {@code after} is the ticket it was applied to, or null when not applied. */
    static HistoryEvent event(Ticket before, Ticket after, ClassificationInfo info, Actor actor, Instant at) {
        Map<String, HistoryEvent.Change> changes = after == null ? Map.of() : TicketChanges.between(before, after);
        return Triage.event(info, actor, at, after != null, changes);
    }
}
