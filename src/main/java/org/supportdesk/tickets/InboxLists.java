package org.supportdesk.tickets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.supportdesk.system.InvalidRequest;

/**
 * The workspace's ticket lists, for {@link TicketDesk}. They read the API's query parameters with
 * the same binding, plus `before` for the previous page (keyset paging backwards) and two filters of
 * the workspace's own that the API does not have (yet): `open=true` (new, in progress or waiting for
 * the customer) and `unassigned=true`. Counts stop at {@link TicketDesk#COUNT_CAP} unless the counts
 * table answers.
 */
@Component
class InboxLists {

    private final TicketStore store;
    private final TicketCounts counts;
    private final CursorCodec cursors;
    private final Clock clock;
    private final TicketSla sla;

    InboxLists(TicketStore store, TicketCounts counts, CursorCodec cursors, Clock clock, TicketSla sla) {
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

    /** See {@link TicketDesk#page}. */
    TicketDesk.Page page(UnaryOperator<String> params) {
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
            return new TicketDesk.Page(rows, total, null, null);
        }
        if (backwards) {
            Collections.reverse(rows);
            boolean descending = !q.descending();
            return new TicketDesk.Page(
                    rows,
                    total,
                    cursor(q.sort(), descending, rows.get(rows.size() - 1)),
                    more ? cursor(q.sort(), !descending, rows.get(0)) : null);
        }
        return new TicketDesk.Page(
                rows,
                total,
                more ? cursor(q.sort(), q.descending(), rows.get(rows.size() - 1)) : null,
                q.after() != null ? cursor(q.sort(), !q.descending(), rows.get(0)) : null);
    }

    /** See {@link TicketDesk#count}. */
    long count(UnaryOperator<String> params) {
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
        return store.countUpTo(filter, extra(params), TicketDesk.COUNT_CAP);
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

    /** See {@link TicketDesk#takes}. */
    boolean takes(String name) {
        return LIST_PARAMETERS.stream().anyMatch(p -> p.name().equals(name));
    }

    // Declaring reads no cursor, so it needs no codec.
    private static final List<QueryValues.Declared> LIST_PARAMETERS = QueryValues.declared(
            q -> TicketQuery.bind(TicketFilter.bind(q, java.time.Instant.EPOCH, java.time.Duration.ZERO), q, null));
}
