package org.supportdesk.tickets;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
    private final ClassifyBatch batch;
    private final Triage triage;
    private final TicketService service;
    private final Database db;
    /** Decides the batches on every core (a parallel stream runs in the pool it is started from). */
    private final ForkJoinPool deciders = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    ClassifyAll(TicketStore tickets, ClassifyBatch batch, Triage triage, TicketService service, Database db) {
        this.tickets = tickets;
        this.batch = batch;
        this.triage = triage;
        this.service = service;
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
        var deciding = new ArrayDeque<Future<ClassifyBatch.Decided>>(List.of(readAndDecide(filter, null)));
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
            Deque<Future<ClassifyBatch.Decided>> deciding, TicketFilter filter, boolean force, Actor actor) {
        long started = System.nanoTime();
        var results = new ArrayList<ClassificationResult>();
        for (int batches = 0; batches < MAX_BATCHES_PER_COMMIT && !deciding.isEmpty(); batches++) {
            ClassifyBatch.Decided decided = join(deciding.remove());
            if (decided.next() != null) {
                deciding.add(readAndDecide(filter, decided.next()));
            }
            boolean wrote = batch.apply(decided, force, actor, results);
            if (!wrote || System.nanoTime() - started >= COMMIT_AFTER_NANOS) {
                break;
            }
        }
        return results;
    }

    /**
     * Reads the batch after {@code after} and decides it, in the deciders' pool. Read outside the
     * write: applying compares versions, so a ticket changed meanwhile keeps its change (not
     * applied). Walks all matches in creation order, a batch at a time: the order's index, never a
     * sort of them all (an sla filter included: see TicketStore.page). One row more than the batch
     * tells whether another batch follows.
     */
    private Future<ClassifyBatch.Decided> readAndDecide(TicketFilter filter, TicketQuery.Cursor after) {
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
            return new ClassifyBatch.Decided(page, infos, at, next);
        });
    }

    private static ClassifyBatch.Decided join(Future<ClassifyBatch.Decided> deciding) {
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
}
