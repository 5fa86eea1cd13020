package org.supportdesk.tickets;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;

/**
 * Classify-all: applies decisions only to values the classifier owns, never over a person's,
 * unless forced; writes only where its decision changes the ticket or differs from the last one
 * recorded, so running it again over an unchanged store writes nothing (SPEC §4).
 */
@Service
class ClassifyAll {

    /** Tickets read and decided at a time: at most two batches are in memory while deciding. */
    static final int BATCH = 2000;

    /**
     * Batches written by one transaction, at most, and the time after which it commits anyway.
     * Each batch adds a history row per ticket at random places of the history's ticket index (ids
     * are random), so a commit of one batch wrote about 1,600 of that index's 16 KiB pages, and
     * each commit writes each page it touched: over a million tickets, one batch a commit took
     * 36.5 s, five 21.4 s, ten 17.7 s, twenty 15.9 s (docs/BENCHMARKS.md). The time bound keeps
     * what other writers wait for, and the results held until the commit, to about half a second.
     */
    static final int MAX_BATCHES_PER_COMMIT = 20;

    static final long COMMIT_AFTER_NANOS = 500_000_000L;

    private final TicketStore tickets;
    private final TicketLocks locks;
    private final TicketUpdates updates;
    private final TicketHistory history;
    private final Triage triage;
    private final ClassifyService one;
    private final TicketService service;
    private final TicketEvents changes;
    private final Database db;
    /** Decides the batches on every core (a parallel stream runs in the pool it is started from). */
    private final ForkJoinPool deciders = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    ClassifyAll(
            TicketStore tickets,
            TicketLocks locks,
            TicketUpdates updates,
            TicketHistory history,
            Triage triage,
            ClassifyService one,
            TicketService service,
            TicketEvents changes,
            Database db) {
        this.tickets = tickets;
        this.locks = locks;
        this.updates = updates;
        this.history = history;
        this.triage = triage;
        this.one = one;
        this.service = service;
        this.changes = changes;
        this.db = db;
    }

    @PreDestroy
    void stop() {
        deciders.shutdownNow();
    }

    /**
     * Walks every matching ticket in creation order, and hands each result to {@code out} as soon
     * as the transaction that wrote it has committed: memory stays flat however many tickets
     * match. Creation order, not id order: tickets created together are stored together, so a
     * batch's updates touch a few pages instead of one page per ticket.
     *
     * <p>The next batch is read and classified, on every core, while this one is written: reading
     * a batch took about as long as writing one, and with the team's model a decision costs about
     * four times the rules' CPU; this way neither adds wall time as long as the database takes
     * longer to write a batch.
     */
    void classifyAll(TicketFilter filter, boolean force, Actor actor, Consumer<ClassificationResult> out) {
        var deciding = new ArrayDeque<Future<Decided>>(List.of(readAndDecide(filter, null)));
        while (!deciding.isEmpty()) {
            db.write(() -> applyBatches(deciding, filter, force, actor)).forEach(out);
        }
    }

    /**
     * Applies the decided batches in the current transaction, reading and deciding the ones after
     * them meanwhile. Commits after a batch that wrote nothing (there is no write to share the
     * commit with, and the results need not wait), after {@link #MAX_BATCHES_PER_COMMIT} batches,
     * after {@link #COMMIT_AFTER_NANOS}, or at the end of the walk.
     */
    private List<ClassificationResult> applyBatches(
            Deque<Future<Decided>> deciding, TicketFilter filter, boolean force, Actor actor) {
        long started = System.nanoTime();
        var results = new ArrayList<ClassificationResult>();
        for (int batches = 0; batches < MAX_BATCHES_PER_COMMIT && !deciding.isEmpty(); batches++) {
            Decided decided = join(deciding.remove());
            if (decided.next() != null) {
                deciding.add(readAndDecide(filter, decided.next()));
            }
            boolean wrote = apply(decided, force, actor, results);
            if (!wrote || System.nanoTime() - started >= COMMIT_AFTER_NANOS) {
                break;
            }
        }
        return results;
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

    /** Writes a batch's decisions and adds its results to {@code results}; true when it wrote anything. */
    private boolean apply(Decided decided, boolean force, Actor actor, List<ClassificationResult> results) {
        Instant at = decided.at();
        List<Ticket> page = decided.tickets();
        int first = results.size();
        var before = new ArrayList<Ticket>();
        var changed = new ArrayList<Ticket>();
        var peoples = new ArrayList<Kept>();
        for (int i = 0; i < page.size(); i++) {
            Ticket ticket = page.get(i);
            ClassificationInfo info = decided.infos().get(i);
            Ticket next = one.applied(ticket, info, force, at);
            if (next == null) {
                // Both values are a person's: the ticket stays as it is, the decision may be logged.
                peoples.add(new Kept(ticket, info));
            } else if (!unchanged(ticket, next)) {
                before.add(ticket);
                changed.add(next);
            }
            results.add(ClassificationResult.of(ticket.id(), info, next != null));
        }
        var fields = new ArrayList<List<String>>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            fields.add(ChangeLog.fields(TicketChanges.between(before.get(i), changed.get(i)), true));
        }
        boolean[] updated = updates.updateTriageAll(before, changed, fields, actor);
        // Decisions logged without an update of the row: only for tickets still there, locked
        // until the commit, so that no event outlives a ticket deleted meanwhile (TicketStore#delete).
        var unwritten = new ArrayList<UUID>();
        peoples.forEach(d -> unwritten.add(d.ticket().id()));
        for (int i = 0; i < changed.size(); i++) {
            if (!updated[i]) {
                unwritten.add(changed.get(i).id());
            }
        }
        Set<UUID> existing = locks.lockExisting(unwritten);
        var events = new ArrayList<TicketHistory.Entry>();
        var last =
                history.lastDecisions(peoples.stream().map(d -> d.ticket().id()).toList());
        for (Kept d : peoples) {
            if (existing.contains(d.ticket().id())
                    && !Triage.sameDecision(last.get(d.ticket().id()), d.info())) {
                events.add(new TicketHistory.Entry(
                        d.ticket().id(), ClassifyService.event(d.ticket(), null, d.info(), actor, at)));
            }
        }
        for (int i = 0; i < changed.size(); i++) {
            Ticket next = changed.get(i);
            // A row changed since we read it (by a request, or another instance) keeps its change;
            // ours is dropped and reported as not applied.
            Ticket logged = updated[i] ? next : null;
            if (updated[i] || existing.contains(next.id())) {
                events.add(new TicketHistory.Entry(
                        next.id(),
                        ClassifyService.event(
                                before.get(i), logged, next.classification().info(), actor, at)));
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
