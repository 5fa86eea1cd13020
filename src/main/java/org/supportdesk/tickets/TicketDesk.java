package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The door of tickets for the agents' workspace (web/). It goes through the same services as the
 * API, so a change made on a screen is validated by the same binder (the same 422 problems, shown
 * beside the fields), checked against `If-Match` (412), recorded in history under the agent, and
 * classified as an API change would be. Lists read the API's query parameters with the same
 * binding, plus `before` for the previous page (keyset paging backwards) and two filters of the
 * workspace's own that the API does not have (yet): `open=true` (new, in progress or waiting for
 * the customer) and `unassigned=true`.
 */
@Service
public class TicketDesk {

    private final TicketService tickets;
    private final TicketEdits edits;
    private final ClassifyService classify;
    private final TicketStore store;
    private final TicketCounts counts;
    private final CursorCodec cursors;
    private final java.time.Clock clock;
    private final TicketSla sla;

    TicketDesk(
            TicketService tickets,
            TicketEdits edits,
            ClassifyService classify,
            TicketStore store,
            TicketCounts counts,
            CursorCodec cursors,
            java.time.Clock clock,
            TicketSla sla) {
        this.tickets = tickets;
        this.edits = edits;
        this.classify = classify;
        this.store = store;
        this.counts = counts;
        this.cursors = cursors;
        this.clock = clock;
        this.sla = sla;
    }

    /** The list filters of these query values, the SLA ones as of now (as the API binds them). */
    private TicketFilter filter(QueryValues query) {
        return TicketFilter.bind(query, clock.instant(), sla.dueSoon());
    }

    /**
     * A page of the inbox: the list's tickets, how many match, and the cursors of the pages after
     * and before it (null at either end).
     */
    public record Page(List<Ticket> items, long total, String nextCursor, String previousCursor) {
        /** More than {@link #COUNT_CAP} match: {@code total} is only a lower bound. */
        public boolean capped() {
            return total > COUNT_CAP;
        }
    }

    /**
     * Counts beyond the counts table stop here: the inbox says "1000+" rather than scan a million
     * rows for an exact figure nobody reads (a full count of a filter on a large table takes
     * seconds on SQLite, and the inbox counts each view on every load).
     */
    public static final long COUNT_CAP = 1000;

    /**
     * The page the query parameters ask for, as `GET /tickets` reads them; `before` (a page's
     * previous cursor) pages backwards. Problems are an {@link InvalidRequest} on ["query", name].
     */
    public Page page(UnaryOperator<String> params) {
        String before = params.apply("before");
        boolean backwards = before != null && !before.isEmpty();
        UnaryOperator<String> read = params;
        if (backwards) {
            // The previous page is the next page in the opposite order, from this page's first ticket.
            String order = "desc".equals(params.apply("order")) ? "asc" : "desc";
            read = name -> switch (name) {
                case "order" -> order;
                case "cursor" -> before;
                default -> params.apply(name);
            };
        }
        var query = new QueryValues(read);
        TicketQuery q = TicketQuery.bind(filter(query), query, cursors);
        if (!query.problems().isEmpty()) {
            throw new InvalidRequest(query.problems());
        }
        Consumer<Where> extra = extra(params);
        List<Ticket> rows = store.page(q, 0, extra);
        boolean more = rows.size() > q.limit();
        rows = new ArrayList<>(more ? rows.subList(0, q.limit()) : rows);
        long total = total(q.filter(), params);
        if (rows.isEmpty()) {
            return new Page(rows, total, null, null);
        }
        if (backwards) {
            Collections.reverse(rows);
            boolean descending = !q.descending();
            return new Page(
                    rows,
                    total,
                    cursor(q.sort(), descending, rows.get(rows.size() - 1)),
                    more ? cursor(q.sort(), !descending, rows.get(0)) : null);
        }
        return new Page(
                rows,
                total,
                more ? cursor(q.sort(), q.descending(), rows.get(rows.size() - 1)) : null,
                q.after() != null ? cursor(q.sort(), !q.descending(), rows.get(0)) : null);
    }

    /** How many tickets the filters of these query parameters match (a saved view's count). */
    public long count(UnaryOperator<String> params) {
        var query = new QueryValues(params);
        TicketFilter filter = filter(query);
        if (!query.problems().isEmpty()) {
            throw new InvalidRequest(query.problems());
        }
        return total(filter, params);
    }

    private long total(TicketFilter filter, UnaryOperator<String> params) {
        if (filter.onlyCountedColumns() && !isTrue(params, "unassigned")) {
            // With only category, priority and status (`open` is three statuses) the counts table
            // answers at once, exactly, whatever the size.
            TicketCounts.Stats stats = counts.count(filter);
            if (!isTrue(params, "open")) {
                return stats.total();
            }
            return OPEN.stream().mapToLong(s -> stats.byStatus().get(s.value())).sum();
        }
        return store.countUpTo(filter, extra(params), COUNT_CAP);
    }

    private static final List<Status> OPEN = List.of(Status.NEW, Status.IN_PROGRESS, Status.WAITING_CUSTOMER);

    /** The workspace's filters beyond the API's. */
    private Consumer<Where> extra(UnaryOperator<String> params) {
        boolean open = isTrue(params, "open");
        boolean unassigned = isTrue(params, "unassigned");
        boolean common = open && openIsCommon();
        return where -> {
            if (open && common) {
                where.andAll("status NOT IN (?, ?)", List.of(Status.RESOLVED.value(), Status.CLOSED.value()));
            } else if (open) {
                where.andAll(
                        "status IN (?, ?, ?)",
                        OPEN.stream().map(s -> (Object) s.value()).toList());
            }
            if (unassigned) {
                where.andAll("assigned_to IS NULL", List.of());
            }
        };
    }

    /**
     * Whether open tickets are a twentieth of all or more. The same filter written two ways makes
     * the database take two plans: `status NOT IN (resolved, closed)` walks the sort's index and
     * stops after a page (about 20 pages' worth of rows at most, when open tickets are common);
     * `status IN (open ones)` finds them through the status index and sorts them (cheap when they
     * are few). Written the one way only, a page of open tickets among a million took 1 to 2 s on
     * SQLite (docs/BENCHMARKS.md). The counts table answers this at once.
     */
    private boolean openIsCommon() {
        return openIsCommon(counts.byStatus());
    }

    static boolean openIsCommon(Map<String, Long> byStatus) {
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long open = OPEN.stream().mapToLong(s -> byStatus.get(s.value())).sum();
        return open * 20 >= all;
    }

    private static boolean isTrue(UnaryOperator<String> params, String name) {
        return "true".equals(params.apply(name));
    }

    private String cursor(TicketQuery.Sort sort, boolean descending, Ticket ticket) {
        return cursors.encode(new TicketQuery.Cursor(sort, descending, ticket));
    }

    /**
     * Whether the list takes this query parameter, as `GET /tickets` does: the inbox shows its
     * search box when the list takes `q` (search) and its "SLA breached" view when it takes `sla`
     * (conversations), so each appears with the feature that serves it.
     */
    public boolean takes(String name) {
        return LIST_PARAMETERS.stream().anyMatch(p -> p.name().equals(name));
    }

    // Declaring reads no cursor, so it needs no codec.
    private static final List<QueryValues.Declared> LIST_PARAMETERS = QueryValues.declared(
            q -> TicketQuery.bind(TicketFilter.bind(q, java.time.Instant.EPOCH, java.time.Duration.ZERO), q, null));

    public Ticket get(UUID id) {
        return tickets.get(id);
    }

    public List<HistoryEvent> history(UUID id) {
        return tickets.history(id);
    }

    /** As `POST /tickets` with this body. */
    public Ticket create(JsonNode body, Actor actor) {
        return tickets.create(body, false, actor);
    }

    /**
     * As `PATCH /tickets/{id}` with this body; with {@code version} as `If-Match`, so a ticket that
     * changed meanwhile is a {@link org.supportdesk.system.VersionConflict} and nothing changes.
     */
    public Ticket patch(UUID id, JsonNode body, Integer version, Actor actor) {
        IfMatch ifMatch = IfMatch.parse(version == null ? null : "\"" + version + "\"");
        return edits.patch(id, body, ifMatch, actor);
    }

    /** As `POST /tickets/{id}/classify?apply=...`: logged in history, applied or not. */
    public ClassificationResult classify(UUID id, boolean apply, Actor actor) {
        return classify.classifyOne(id, apply, actor);
    }

    /**
     * Adds and removes tags on the ticket as it is now: read, change, write with `If-Match`, and
     * again from the fresh ticket if someone else changed it in between, so no one's tags are lost.
     */
    public Ticket editTags(UUID id, List<String> add, List<String> remove, Actor actor) {
        while (true) {
            Ticket current = tickets.get(id);
            var next = new ArrayList<>(current.tags());
            next.removeAll(remove);
            for (String tag : add) {
                if (!next.contains(tag.trim())) {
                    next.add(tag.trim());
                }
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var array = body.putArray("tags");
            next.forEach(array::add);
            try {
                return edits.patch(id, body, IfMatch.parse("\"" + current.version() + "\""), actor);
            } catch (StaleVersion e) {
                // Changed between our read and our write: once more, from what it is now.
            }
        }
    }
}
