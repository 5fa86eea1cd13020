package org.supportdesk.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;

/**
 * Writes one batch of classify-all's decisions in the current transaction: the rows whose values
 * the classifier owns and whose decision changes them, and a history event for each decision that
 * differs from the last one recorded, a person's values included (those stay as they are).
 */
@Component
class ClassifyBatch {

    private final TicketLocks locks;
    private final TicketUpdates updates;
    private final TicketHistory history;
    private final ClassifyService one;
    private final TicketEvents changes;

    ClassifyBatch(
            TicketLocks locks,
            TicketUpdates updates,
            TicketHistory history,
            ClassifyService one,
            TicketEvents changes) {
        this.locks = locks;
        this.updates = updates;
        this.history = history;
        this.one = one;
        this.changes = changes;
    }

    /** A batch's tickets, each with its decision, when they were decided, and where the next batch starts (null after the last). */
    record Decided(List<Ticket> tickets, List<ClassificationInfo> infos, Instant at, TicketQuery.Cursor next) {}

    /** Writes a batch's decisions and adds its results to {@code results}; true when it wrote anything. */
    boolean apply(Decided decided, boolean force, Actor actor, List<ClassificationResult> results) {
        Instant at = decided.at();
        List<Ticket> page = decided.tickets();
        int first = results.size();
        var before = new ArrayList<Ticket>();
        var changed = new ArrayList<Ticket>();
        var peoples = new ArrayList<Kept>();
        for (int i = 0; i < page.size(); i++) {
            Ticket ticket = page.get(i);
            ClassificationInfo info = decided.infos().get(i);
            // A merged ticket is closed for good (TicketMerged): even force leaves it as it is.
            Ticket next = ticket.mergedInto() != null ? null : one.applied(ticket, info, force, at);
            if (next == null) {
                // Both values are a person's, or the ticket was merged: it stays as it is, the
                // decision may be logged.
                peoples.add(new Kept(ticket, info));
            } else if (!unchanged(ticket, next)) {
                before.add(ticket);
                changed.add(next);
            }
            results.add(ClassificationResult.of(ticket.id(), info, next != null));
        }
        var touched = new ArrayList<UUID>(changed.size() + peoples.size());
        changed.forEach(t -> touched.add(t.id()));
        peoples.forEach(d -> touched.add(d.ticket().id()));
        Set<UUID> locked = locks.lockBatch(touched);
        var fields = new ArrayList<List<String>>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            fields.add(ChangeLog.fields(TicketChanges.between(before.get(i), changed.get(i)), true));
        }
        boolean[] updated = updates.updateTriageAll(before, changed, fields, actor);
        // Decisions logged without an update of the row are for tickets still there, so that no
        // event outlives a ticket deleted meanwhile (TicketStore#delete): on PostgreSQL the rows
        // locked above until the commit; on SQLite, whose one writer takes no locks, those of the
        // events to log are looked up. Only those: looking up all of a batch's 1,500 tickets of
        // a person took 9-16 ms a batch also when no decision had changed, 13% of the server's CPU
        // for a classify-all over a million tickets that writes nothing (docs/BENCHMARKS.md).
        var events = new ArrayList<TicketHistory.Entry>();
        var ifExisting = new ArrayList<TicketHistory.Entry>();
        var last =
                history.lastDecisions(peoples.stream().map(d -> d.ticket().id()).toList());
        for (Kept d : peoples) {
            if ((locked == null || locked.contains(d.ticket().id()))
                    && !Triage.sameDecision(last.get(d.ticket().id()), d.info())) {
                ifExisting.add(new TicketHistory.Entry(
                        d.ticket().id(), ClassifyService.event(d.ticket(), null, d.info(), actor, at)));
            }
        }
        for (int i = 0; i < changed.size(); i++) {
            Ticket next = changed.get(i);
            // A row changed since we read it (by a request, or another instance) keeps its change;
            // ours is dropped and reported as not applied.
            Ticket logged = updated[i] ? next : null;
            if (updated[i] || locked == null || locked.contains(next.id())) {
                (updated[i] ? events : ifExisting)
                        .add(new TicketHistory.Entry(
                                next.id(),
                                ClassifyService.event(
                                        before.get(i),
                                        logged,
                                        next.classification().info(),
                                        actor,
                                        at)));
            }
            if (updated[i]) {
                changes.updated(TicketEvents.CLASSIFIED, before.get(i), next, fields.get(i), actor);
            } else {
                int index = indexOf(results, first, next.id());
                results.set(
                        index,
                        ClassificationResult.of(next.id(), next.classification().info(), false));
            }
        }
        Set<UUID> existing = locked != null || ifExisting.isEmpty()
                ? null
                : locks.lockExisting(
                        ifExisting.stream().map(TicketHistory.Entry::ticketId).toList());
        for (TicketHistory.Entry e : ifExisting) {
            if (existing == null || existing.contains(e.ticketId())) {
                events.add(e);
            }
        }
        history.appendAll(events);
        return !events.isEmpty();
    }

    private record Kept(Ticket ticket, ClassificationInfo info) {}

    /** True when applying the decision would change nothing: same values, same owners, same decision. */
    private static boolean unchanged(Ticket before, Ticket next) {
        return before.category() == next.category()
                && before.priority() == next.priority()
                && before.categoryBy() == next.categoryBy()
                && before.priorityBy() == next.priorityBy()
                && before.classification() != null
                && Triage.sameDecision(
                        before.classification().info(), next.classification().info());
    }

    private static int indexOf(List<ClassificationResult> results, int from, UUID id) {
        for (int i = from; i < results.size(); i++) {
            if (results.get(i).ticketId().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("result for " + id + " missing");
    }
}
