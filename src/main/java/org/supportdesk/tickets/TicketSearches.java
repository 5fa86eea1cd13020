package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Searches with words (docs/SEARCH.md): a page of hits ranked by the engine or in another order,
 * each with its highlight, and the tickets most like one. A list without words is TicketService's.
 */
@Component
class TicketSearches {

    /**
     * A search's total is exact up to here; beyond it the page says {@code total: 1000} and
     * {@code total_exact: false} unless asked for {@code exact_total=true}, as the inbox says "1000+".
     */
    static final long CAP = TicketDesk.COUNT_CAP;

    private final TicketStore tickets;
    private final CursorCodec cursors;
    private final TicketSearchIndex index;
    private final SimilarTickets similar;
    private final RankWindows ranked;

    TicketSearches(
            TicketStore tickets,
            CursorCodec cursors,
            TicketSearchIndex index,
            SimilarTickets similar,
            RankWindows ranked) {
        this.tickets = tickets;
        this.ranked = ranked;
        this.cursors = cursors;
        this.index = index;
        this.similar = similar;
    }

    /** A page of a search with words: hits with their highlights, and their scores in relevance order. */
    TicketService.Page page(TicketQuery query) {
        TicketFilter counted = query.filter().counted();
        if (counted != null && !counted.equals(TicketFilter.NONE) && tickets.count(counted) == 0) {
            // No ticket has this category, priority and status (`dark mode status:in_progress`):
            // the counts table says so at once, where the search would check every ticket that
            // has the words (50 ms for 50,000 of them).
            return new TicketService.Page(List.of(), 0, true, null);
        }
        boolean relevance = query.sort() == TicketQuery.Sort.RELEVANCE;
        RankWindows.Page found = relevance
                ? ranked.page(query)
                : new RankWindows.Page(
                        tickets.page(query, Long.MAX_VALUE).stream()
                                .map(t -> new RankWindows.Ranked(new Hit(t, null, null), 0, 0, 0, 0))
                                .toList(),
                        0,
                        false);
        List<RankWindows.Ranked> rows = found.rows();
        long total = total(query, found);
        // Beyond the cap the total is a lower bound, unless it was counted exactly.
        boolean exact = total <= CAP || query.exactTotal();
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            RankWindows.Ranked last = rows.get(rows.size() - 1);
            Ticket ticket = last.hit().ticket();
            next = cursors.encode(
                    relevance
                            ? TicketQuery.Cursor.inWindow(
                                    last.place() + 1, ticket, last.low(), last.high(), cursors.scopeOf(query.filter()))
                            : new TicketQuery.Cursor(query.sort(), query.descending(), ticket));
        }
        List<Hit> hits = rows.stream().map(RankWindows.Ranked::hit).toList();
        // A ranked page knows where its hits lie in the newest-first order (their rowids on SQLite).
        Long low = null;
        Long high = null;
        if (relevance && !rows.isEmpty()) {
            low = rows.stream().mapToLong(RankWindows.Ranked::key).min().getAsLong();
            high = rows.stream().mapToLong(RankWindows.Ranked::key).max().getAsLong() + 1;
        }
        Map<UUID, String> highlights = index.highlights(
                query.filter().search().text(),
                hits.stream().map(h -> h.ticket().id()).toList(),
                low,
                high);
        var items = new ArrayList<Hit>(hits.size());
        for (Hit h : hits) {
            items.add(h.withHighlight(highlights.get(h.ticket().id())));
        }
        return new TicketService.Page(items, exact ? total : CAP, exact, next);
    }

    /**
     * How many match: exactly when the query asks for {@code exact_total}, else up to {@link #CAP}
     * + 1 (any figure above the cap means "more"). An exact count reads the ticket of every word
     * match to apply the filters (68,000 rows, 60-80 ms, for `password reset priority:high` over a
     * million tickets: docs/BENCHMARKS.md), most of a page's time, for a figure a person reads as
     * "more than a thousand".
     */
    private long total(TicketQuery query, RankWindows.Page found) {
        if (found.all() || (found.rows().isEmpty() && query.after() == null)) {
            // The window held every match, or a first page without hits: nothing more to count.
            return found.counted();
        }
        if (query.exactTotal()) {
            return tickets.count(query.filter());
        }
        if (found.counted() >= CAP) {
            return CAP + 1;
        }
        return tickets.countUpTo(query.filter(), where -> {}, CAP);
    }

    /** Up to ten open tickets most like this one, best first, each with its score. */
    List<Hit> similar(UUID id) {
        return similar.of(tickets.find(id).orElseThrow(TicketNotFound::new));
    }
}
