package org.supportdesk.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;

/**
 * Classifies stored tickets. A single ticket's classification is applied because the caller asked
 * for it, and logged in its history, applied or not. Classify-all applies only to values the
 * classifier owns, never over a person's, unless forced; it writes only where its decision
 * changes the ticket or differs from the last one recorded, so running it again over an unchanged
 * store writes nothing (SPEC §4).
 */
@Service
class ClassifyService {

    // Per transaction. Each batch adds a history row per ticket at random places of the history's
    // ticket index; fewer, larger commits write each of its pages less often (500 took 67 s over a
    // million tickets, 2,000 took 50 s), and 2,000 tickets are a few MB of heap.
    static final int BATCH = 2000;

    private final TicketStore tickets;
    private final TicketHistory history;
    private final Triage triage;
    private final TicketService service;
    private final TicketEvents changes;
    private final Database db;

    ClassifyService(
            TicketStore tickets,
            TicketHistory history,
            Triage triage,
            TicketService service,
            TicketEvents changes,
            Database db) {
        this.tickets = tickets;
        this.history = history;
        this.triage = triage;
        this.service = service;
        this.changes = changes;
        this.db = db;
    }

    ClassificationResult classifyOne(UUID id, boolean apply, Actor actor) {
        return db.write(() -> {
            Ticket ticket = tickets.find(id).orElseThrow(TicketNotFound::new);
            Instant at = service.now();
            ClassificationInfo info = triage.classify(ticket.subject(), ticket.description(), at);
            Ticket next = apply ? applied(ticket, info, true, at) : null;
            var fields = next == null ? List.<String>of() : ChangeLog.fields(TicketChanges.between(ticket, next), true);
            if (next != null && !tickets.update(next, ticket.version(), fields, actor)) {
                // Changed by another writer since we read it: classify it as it is now.
                return classifyOne(id, apply, actor);
            }
            history.append(id, event(ticket, next, info, actor, at));
            if (next != null) {
                changes.updated(TicketEvents.CLASSIFIED, next, fields, actor);
            }
            return ClassificationResult.of(id, info, next != null);
        });
    }

    /**
     * Walks every matching ticket in creation order, a batch per transaction, and hands each result
     * to {@code out} as soon as its batch is committed: memory stays flat however many tickets
     * match. Creation order, not id order: tickets created together are stored together, so a
     * batch's updates touch a few pages instead of one page per ticket (ids are random), which on
     * SQLite is most of what a commit writes.
     */
    void classifyAll(TicketFilter filter, boolean force, Actor actor, Consumer<ClassificationResult> out) {
        TicketQuery.Cursor after = null;
        while (true) {
            TicketQuery.Cursor from = after;
            Walked walked = db.write(() -> batch(filter, from, force, actor));
            walked.results().forEach(out);
            if (walked.next() == null) {
                return;
            }
            after = walked.next();
        }
    }

    /** A batch's results, and where the next batch starts (null after the last). */
    private record Walked(List<ClassificationResult> results, TicketQuery.Cursor next) {}

    private Walked batch(TicketFilter filter, TicketQuery.Cursor after, boolean force, Actor actor) {
        // One row more than the batch tells whether another batch follows.
        List<Ticket> page = tickets.page(new TicketQuery(filter, TicketQuery.Sort.CREATED_AT, false, BATCH, after));
        TicketQuery.Cursor nextBatch = null;
        if (page.size() > BATCH) {
            page = page.subList(0, BATCH);
            nextBatch = new TicketQuery.Cursor(TicketQuery.Sort.CREATED_AT, false, page.get(BATCH - 1));
        }
        Instant at = service.now();
        var results = new ArrayList<ClassificationResult>(page.size());
        var before = new ArrayList<Ticket>();
        var changed = new ArrayList<Ticket>();
        var peoples = new ArrayList<Decided>();
        for (Ticket ticket : page) {
            ClassificationInfo info = triage.classify(ticket.subject(), ticket.description(), at);
            Ticket next = applied(ticket, info, force, at);
            if (next == null) {
                // Both values are a person's: the ticket stays as it is, the decision may be logged.
                peoples.add(new Decided(ticket, info));
            } else if (!unchanged(ticket, next)) {
                before.add(ticket);
                changed.add(next);
            }
            results.add(ClassificationResult.of(ticket.id(), info, next != null));
        }
        var events = new ArrayList<TicketHistory.Entry>();
        var last =
                history.lastDecisions(peoples.stream().map(d -> d.ticket().id()).toList());
        for (Decided d : peoples) {
            if (!Triage.sameDecision(last.get(d.ticket().id()), d.info())) {
                events.add(new TicketHistory.Entry(d.ticket().id(), event(d.ticket(), null, d.info(), actor, at)));
            }
        }
        var fields = new ArrayList<List<String>>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            fields.add(ChangeLog.fields(TicketChanges.between(before.get(i), changed.get(i)), true));
        }
        boolean[] updated = tickets.updateTriageAll(changed, fields, actor);
        for (int i = 0; i < changed.size(); i++) {
            Ticket next = changed.get(i);
            // A row another instance changed since we read it keeps its change; ours is dropped
            // and reported as not applied.
            Ticket logged = updated[i] ? next : null;
            events.add(
                    new TicketHistory.Entry(next.id(), event(before.get(i), logged, next.classification(), actor, at)));
            if (updated[i]) {
                changes.updated(TicketEvents.CLASSIFIED, next, fields.get(i), actor);
            } else {
                int index = indexOf(results, next.id());
                results.set(index, ClassificationResult.of(next.id(), next.classification(), false));
            }
        }
        history.appendAll(events);
        return new Walked(results, nextBatch);
    }

    private record Decided(Ticket ticket, ClassificationInfo info) {}

    /** True when applying the decision would change nothing: same values, same owners, same decision. */
    private static boolean unchanged(Ticket before, Ticket next) {
        return before.category() == next.category()
                && before.priority() == next.priority()
                && before.categoryBy() == next.categoryBy()
                && before.priorityBy() == next.priorityBy()
                && Triage.sameDecision(before.classification(), next.classification());
    }

    private static int indexOf(List<ClassificationResult> results, UUID id) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).ticketId().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("result for " + id + " missing");
    }

    /**
     * The ticket with the decision applied to the fields the classifier may set, or null when it
     * may set none: both were given by a person and people are not overridden.
     */
    static Ticket applied(Ticket t, ClassificationInfo info, boolean overridePeople, Instant at) {
        boolean category = overridePeople || t.categoryBy() == Origin.CLASSIFIER;
        boolean priority = overridePeople || t.priorityBy() == Origin.CLASSIFIER;
        if (!category && !priority) {
            return null;
        }
        return t.withTriage(
                category ? info.category() : t.category(),
                category ? Origin.CLASSIFIER : t.categoryBy(),
                priority ? info.priority() : t.priority(),
                priority ? Origin.CLASSIFIER : t.priorityBy(),
                info,
                at,
                t.version() + 1);
    }

    private static HistoryEvent event(Ticket before, Ticket after, ClassificationInfo info, Actor actor, Instant at) {
        Map<String, HistoryEvent.Change> changes = after == null ? Map.of() : TicketChanges.between(before, after);
        return Triage.event(info, actor, at, after != null, changes);
    }
}
