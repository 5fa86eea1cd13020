package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import tools.jackson.databind.JsonNode;

/**
 * Changes to a stored ticket (SPEC §1), as `PATCH` and `PUT /tickets/{id}` make them: checked
 * against `If-Match`, classified again where the classifier is to decide, recorded in history and
 * told to the change feed, in one transaction that starts over when another writer won the race.
 */
@Service
class TicketEdits {

    private final TicketStore tickets;
    private final TicketUpdates updates;
    private final TicketHistory history;
    private final TicketBinder binder;
    private final Triage triage;
    private final TicketSla sla;
    private final TicketService service;
    private final TicketEvents events;
    private final Database db;

    TicketEdits(
            TicketStore tickets,
            TicketUpdates updates,
            TicketHistory history,
            TicketBinder binder,
            Triage triage,
            TicketSla sla,
            TicketService service,
            TicketEvents events,
            Database db) {
        this.tickets = tickets;
        this.updates = updates;
        this.history = history;
        this.binder = binder;
        this.triage = triage;
        this.sla = sla;
        this.service = service;
        this.events = events;
        this.db = db;
    }

    Ticket patch(UUID id, JsonNode body, IfMatch ifMatch, Actor actor) {
        return update(id, ifMatch, actor, current -> {
            TicketBinder.Patched patched = binder.bindPatch(body, current.toInput());
            var touched = patched.touched();
            return new Edit(
                    patched.input(),
                    touched.contains("category") ? Origin.PERSON : current.categoryBy(),
                    touched.contains("priority") ? Origin.PERSON : current.priorityBy(),
                    false);
        });
    }

    Ticket replace(UUID id, JsonNode body, IfMatch ifMatch, boolean autoClassify, Actor actor) {
        TicketInput input = binder.bindNew(body);
        return update(id, ifMatch, actor, current -> new Edit(input, Origin.PERSON, Origin.PERSON, autoClassify));
    }

    /** The new writable fields and who set category and priority; null input fields are the classifier's. */
    private record Edit(TicketInput input, Origin categoryBy, Origin priorityBy, boolean autoClassify) {}

    private interface Editor {
        Edit edit(Ticket current);
    }

    private Ticket update(UUID id, IfMatch ifMatch, Actor actor, Editor editor) {
        return db.write(() -> {
            Ticket current = tickets.find(id).orElseThrow(TicketNotFound::new);
            if (!ifMatch.matches(current.version())) {
                throw new StaleVersion(current.version());
            }
            if (current.mergedInto() != null) {
                throw new TicketMerged(current.mergedInto());
            }
            Edit edit = editor.edit(current);
            Instant at = service.now();
            TicketInput in = edit.input();
            Triage.Decision decision = in.category() == null || in.priority() == null || edit.autoClassify()
                    ? triage.decide(in, edit.autoClassify(), at)
                    : null;
            Category category = decision != null ? decision.category() : in.category();
            Priority priority = decision != null ? decision.priority() : in.priority();
            Origin categoryBy = decision != null ? decision.categoryBy() : edit.categoryBy();
            Origin priorityBy = decision != null ? decision.priorityBy() : edit.priorityBy();
            Instant resolvedAt = TicketService.resolvedAt(current.status(), in.status(), current.resolvedAt(), at);
            var next = current.withEdit(
                    in,
                    category,
                    categoryBy,
                    priority,
                    priorityBy,
                    decision != null && decision.info() != null
                            ? TicketClassification.of(decision.info())
                            : current.classification(),
                    resolvedAt,
                    sla.next(current, priority, in.status(), current.firstResponseAt(), resolvedAt, at),
                    at);
            Map<String, HistoryEvent.Change> changes = TicketChanges.between(current, next);
            boolean originOnly =
                    changes.isEmpty() && (categoryBy != current.categoryBy() || priorityBy != current.priorityBy());
            if (changes.isEmpty() && !originOnly) {
                return current;
            }
            if (originOnly) {
                // A person confirmed what the classifier chose: nothing visible changes, but the
                // value is now theirs and automatic runs leave it alone.
                var confirmed = current.withTriage(
                        current.category(),
                        categoryBy,
                        current.priority(),
                        priorityBy,
                        current.classification(),
                        current.sla(),
                        current.updatedAt(),
                        current.version());
                // Nothing anyone sees changed, so the change feed has nothing to say.
                if (!updates.update(current, confirmed, List.of(), actor)) {
                    return update(id, ifMatch, actor, editor);
                }
                return confirmed;
            }
            boolean classified = decision != null && decision.info() != null;
            List<String> fields = ChangeLog.fields(changes, classified);
            if (!updates.update(current, next, fields, actor)) {
                // Another writer (another instance, on PostgreSQL) won the race between our read
                // and our write. Start over, in the same transaction, from the ticket as it is now:
                // a conditional update then fails its If-Match (412), an unconditional one applies
                // on top of the other, so none is lost. Each round means another update committed.
                return update(id, ifMatch, actor, editor);
            }
            if (changes.containsKey("tags")) {
                tickets.replaceTags(current, next.tags());
            }
            history.append(id, new HistoryEvent(at, actor, "updated", changes, null));
            events.updated(TicketEvents.UPDATED, current, next, fields, actor);
            if (classified) {
                history.append(id, Triage.event(decision.info(), actor, at, true, Map.of()));
            }
            return next;
        });
    }
}
