package org.supportdesk.tickets;

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

/** The business rules of SPEC §1: creation, updates with history, resolution times, versions. */
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
        return new Page(rows, total, next);
    }

    /** A page of tickets, or of hits when the list was a search with words. */
    record Page(List<?> items, long total, String nextCursor) {}

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

    void delete(UUID id, Actor actor) {
        boolean deleted = db.write(() -> {
            var gone = tickets.delete(id, actor);
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
            Instant at = now();
            TicketInput in = edit.input();
            Triage.Decision decision = in.category() == null || in.priority() == null || edit.autoClassify()
                    ? triage.decide(in, edit.autoClassify(), at)
                    : null;
            Category category = decision != null ? decision.category() : in.category();
            Priority priority = decision != null ? decision.priority() : in.priority();
            Origin categoryBy = decision != null ? decision.categoryBy() : edit.categoryBy();
            Origin priorityBy = decision != null ? decision.priorityBy() : edit.priorityBy();
            Instant resolvedAt = resolvedAt(current.status(), in.status(), current.resolvedAt(), at);
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
                if (!tickets.update(confirmed, current.version(), List.of(), actor)) {
                    return update(id, ifMatch, actor, editor);
                }
                return confirmed;
            }
            boolean classified = decision != null && decision.info() != null;
            List<String> fields = ChangeLog.fields(changes, classified);
            if (!tickets.update(next, current.version(), fields, actor)) {
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
