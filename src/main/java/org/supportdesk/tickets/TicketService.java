package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import tools.jackson.databind.JsonNode;

/**
 * The business rules of SPEC §1: creation, reads, deletion, history and resolution times. Changes to
 * a stored ticket are {@link TicketEdits}'.
 */
@Service
class TicketService {

    private final TicketStore tickets;
    private final NewTickets newTickets;
    private final TicketHistory history;
    private final TicketBinder binder;
    private final Triage triage;
    private final TicketSla sla;
    private final CursorCodec cursors;
    private final TicketSearches searches;
    private final TicketEvents events;
    private final Database db;
    private final Clock clock;

    TicketService(
            TicketStore tickets,
            NewTickets newTickets,
            TicketHistory history,
            TicketBinder binder,
            Triage triage,
            TicketSla sla,
            CursorCodec cursors,
            TicketSearches searches,
            TicketEvents events,
            Database db,
            Clock clock) {
        this.tickets = tickets;
        this.newTickets = newTickets;
        this.history = history;
        this.binder = binder;
        this.triage = triage;
        this.sla = sla;
        this.cursors = cursors;
        this.searches = searches;
        this.events = events;
        this.db = db;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Ticket create(JsonNode body, boolean autoClassify, Actor actor) {
        TicketInput input = binder.bindNew(body);
        Created created = newTicket(input, ImportedFields.NONE, autoClassify, actor, now());
        db.writeBatched(newTickets.posts, new NewTickets.Posted(created.ticket(), created.classified(), actor));
        return created.ticket();
    }

    /** A new ticket and, when the classifier decided something, its history event. */
    record Created(Ticket ticket, HistoryEvent classified) {}

    /**
     * Builds a new ticket from valid input; imports use it too, with what the record gave of the
     * ticket's id, times, version, classification and who set category and priority ({@code given};
     * each left out gets what a new ticket gets). The classifier decides at {@code now}.
     */
    Created newTicket(TicketInput input, ImportedFields given, boolean autoClassify, Actor actor, Instant now) {
        Triage.Decision decision = triage.decide(input, autoClassify, now);
        boolean classified = decision.info() != null;
        Status status = input.status();
        Instant created = given.createdAt() != null ? given.createdAt() : now;
        Instant resolved = given.resolvedAt() != null ? given.resolvedAt() : isDone(status) ? created : null;
        var ticket = new Ticket(
                // Random v4 ids, from the JDK's SecureRandom (ids must not be guessable, ADR-005). A
                // generator per thread was tried: requests run on virtual threads, a new one each,
                // and seeding a DRBG cost every POST 25 µs against 1.4 µs here (docs/BENCHMARKS.md).
                given.id() != null ? given.id() : UUID.randomUUID(),
                input.customerId(),
                input.customerEmail(),
                input.customerName(),
                input.subject(),
                input.description(),
                decision.category(),
                decision.priority(),
                status,
                input.tags(),
                input.assignedTo(),
                input.metadata(),
                created,
                given.updatedAt() != null ? given.updatedAt() : created,
                resolved,
                null,
                null,
                0,
                null,
                sla.start(decision.priority(), status, created, resolved),
                TicketClassification.of(classified ? decision.info() : given.classification()),
                given.version() != null ? given.version() : 1,
                !classified && given.categoryBy() != null ? given.categoryBy() : decision.categoryBy(),
                !classified && given.priorityBy() != null ? given.priorityBy() : decision.priorityBy(),
                actor);
        HistoryEvent event = classified ? Triage.event(decision.info(), actor, now, true, Map.of()) : null;
        return new Created(ticket, event);
    }

    Ticket get(UUID id) {
        return tickets.find(id).orElseThrow(TicketNotFound::new);
    }

    Page list(TicketQuery query) {
        if (query.filter().ranked()) {
            return searches.page(query);
        }
        long total = tickets.count(query.filter());
        List<Ticket> rows = tickets.page(query, total);
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            Ticket last = rows.get(rows.size() - 1);
            next = cursors.encode(new TicketQuery.Cursor(query.sort(), query.descending(), last));
        }
        // A search without words (only fields or exclusions) is counted exactly: every page of a
        // search says so (docs/SEARCH.md); a list without q leaves the field out, as the original.
        return new Page(rows, total, query.filter().search() == null ? null : Boolean.TRUE, next);
    }

    /**
     * A page of tickets, or of hits when the list was a search with words; a search's total may be
     * a lower bound ({@code total_exact}, present on every page with q, absent without: see TicketSearches).
     */
    record Page(
            List<?> items,
            long total,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalExact,
            String nextCursor) {

        Page(List<?> items, long total, String nextCursor) {
            this(items, total, null, nextCursor);
        }
    }

    /** Deletes the ticket if it is at a version {@code ifMatch} names: 412 (StaleVersion) else. */
    void delete(UUID id, IfMatch ifMatch, Actor actor) {
        boolean deleted = db.write(() -> {
            var gone = tickets.delete(id, ifMatch, actor);
            gone.ifPresent(before -> events.deleted(before, actor, now()));
            return gone.isPresent();
        });
        if (!deleted) {
            throw new TicketNotFound();
        }
    }

    List<HistoryEvent> history(UUID id) {
        Ticket ticket = get(id);
        var created = new HistoryEvent(ticket.createdAt(), ticket.createdBy(), "created", Map.of(), null);
        var events = new java.util.ArrayList<HistoryEvent>();
        events.add(created);
        events.addAll(history.of(id));
        return events;
    }

    static boolean isDone(Status status) {
        return status == Status.RESOLVED || status == Status.CLOSED;
    }

    /** Entering resolved/closed sets it, resolved ⇄ closed keeps it, reopening clears it. */
    static Instant resolvedAt(Status before, Status after, Instant previous, Instant at) {
        if (!isDone(after)) {
            return null;
        }
        return isDone(before) && previous != null ? previous : at;
    }
}
