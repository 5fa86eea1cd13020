package org.supportdesk.tickets;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
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
    private final TicketSla sla;
    private final TicketService service;
    private final TicketEvents changes;
    private final Database db;
    /** Decides classify-all's batches on every core (a parallel stream runs in the pool it is started from). */
    private final ForkJoinPool deciders = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    ClassifyService(
            TicketStore tickets,
            TicketHistory history,
            Triage triage,
            TicketSla sla,
            TicketService service,
            TicketEvents changes,
            Database db) {
        this.tickets = tickets;
        this.history = history;
        this.triage = triage;
        this.sla = sla;
        this.service = service;
        this.changes = changes;
        this.db = db;
    }

    @PreDestroy
    void stop() {
        deciders.shutdownNow();
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
                changes.updated(TicketEvents.CLASSIFIED, ticket, next, fields, actor);
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
     *
     * <p>The next batch is read and classified, on every core, while this one is written and its
     * results sent: reading a batch took about as long as writing one, and with the team's model a
     * decision costs about four times the rules' CPU; this way neither adds wall time as long as the
     * database takes longer to write a batch. At most two batches are in memory.
     */
    void classifyAll(TicketFilter filter, boolean force, Actor actor, Consumer<ClassificationResult> out) {
        Future<Decided> deciding = readAndDecide(filter, null);
        while (true) {
            Decided decided = join(deciding);
            if (decided.next() != null) {
                deciding = readAndDecide(filter, decided.next());
            }
            db.write(() -> apply(decided, force, actor)).forEach(out);
            if (decided.next() == null) {
                return;
            }
        }
    }

    /** A batch's tickets, each with its decision, when they were decided, and where the next batch starts (null after the last). */
    private record Decided(List<Ticket> tickets, List<ClassificationInfo> infos, Instant at, TicketQuery.Cursor next) {}

    /**
     * Reads the batch after {@code after} and decides it, in the deciders' pool. Read outside the
     * write: applying compares versions, so a ticket changed meanwhile keeps its change (not
     * applied). Walks all matches in creation order, a batch at a time: the order's index, never a
     * sort of them all (an sla filter included: see TicketStore.page). One row more than the batch
     * tells whether another batch follows.
     */
    private Future<Decided> readAndDecide(TicketFilter filter, TicketQuery.Cursor after) {
        return deciders.submit(() -> {
            List<Ticket> page = tickets.page(
                    new TicketQuery(filter, TicketQuery.Sort.CREATED_AT, false, BATCH, after), Long.MAX_VALUE);
            TicketQuery.Cursor next = null;
            if (page.size() > BATCH) {
                page = page.subList(0, BATCH);
                next = new TicketQuery.Cursor(TicketQuery.Sort.CREATED_AT, false, page.get(BATCH - 1));
            }
            Instant at = service.now();
            List<ClassificationInfo> infos = page.parallelStream()
                    .map(t -> triage.classify(t.subject(), t.description(), at))
                    .toList();
            return new Decided(page, infos, at, next);
        });
    }

    private static Decided join(Future<Decided> deciding) {
        try {
            return deciding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while classifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<ClassificationResult> apply(Decided decided, boolean force, Actor actor) {
        Instant at = decided.at();
        List<Ticket> page = decided.tickets();
        var results = new ArrayList<ClassificationResult>(page.size());
        var before = new ArrayList<Ticket>();
        var changed = new ArrayList<Ticket>();
        var peoples = new ArrayList<Kept>();
        for (int i = 0; i < page.size(); i++) {
            Ticket ticket = page.get(i);
            ClassificationInfo info = decided.infos().get(i);
            Ticket next = applied(ticket, info, force, at);
            if (next == null) {
                // Both values are a person's: the ticket stays as it is, the decision may be logged.
                peoples.add(new Kept(ticket, info));
            } else if (!unchanged(ticket, next)) {
                before.add(ticket);
                changed.add(next);
            }
            results.add(ClassificationResult.of(ticket.id(), info, next != null));
        }
        var events = new ArrayList<TicketHistory.Entry>();
        var last =
                history.lastDecisions(peoples.stream().map(d -> d.ticket().id()).toList());
        for (Kept d : peoples) {
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
            // A row changed since we read it (by a request, or another instance) keeps its change;
            // ours is dropped and reported as not applied.
            Ticket logged = updated[i] ? next : null;
            events.add(new TicketHistory.Entry(
                    next.id(),
                    event(before.get(i), logged, next.classification().info(), actor, at)));
            if (updated[i]) {
                changes.updated(TicketEvents.CLASSIFIED, before.get(i), next, fields.get(i), actor);
            } else {
                int index = indexOf(results, next.id());
                results.set(
                        index,
                        ClassificationResult.of(next.id(), next.classification().info(), false));
            }
        }
        history.appendAll(events);
        return results;
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
    private Ticket applied(Ticket t, ClassificationInfo info, boolean overridePeople, Instant at) {
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

    private static HistoryEvent event(Ticket before, Ticket after, ClassificationInfo info, Actor actor, Instant at) {
        Map<String, HistoryEvent.Change> changes = after == null ? Map.of() : TicketChanges.between(before, after);
        return Triage.event(info, actor, at, after != null, changes);
    }
}
