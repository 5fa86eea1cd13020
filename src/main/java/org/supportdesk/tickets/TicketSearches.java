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
        boolean relevance = query.sort() == TicketQuery.Sort.RELEVANCE;
        RankWindows.Page found = relevance
                ? ranked.page(query)
                : new RankWindows.Page(
                        tickets.page(query, Long.MAX_VALUE).stream()
                                .map(t -> new RankWindows.Ranked(new Hit(t, null, null), 0, 0, 0))
                                .toList(),
                        null);
        List<RankWindows.Ranked> rows = found.rows();
        // A first page without hits: nothing matches, so there is nothing to count.
        long total = found.total() != null
                ? found.total()
                : rows.isEmpty() && query.after() == null ? 0 : tickets.count(query.filter());
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            RankWindows.Ranked last = rows.get(rows.size() - 1);
            Ticket ticket = last.hit().ticket();
            next = cursors.encode(
                    relevance
                            ? TicketQuery.Cursor.inWindow(last.place() + 1, ticket, last.low(), last.high())
                            : new TicketQuery.Cursor(query.sort(), query.descending(), ticket));
        }
        List<Hit> hits = rows.stream().map(RankWindows.Ranked::hit).toList();
        Map<UUID, String> highlights = index.highlights(
                query.filter().search().text(),
                hits.stream().map(h -> h.ticket().id()).toList());
        var items = new ArrayList<Hit>(hits.size());
        for (Hit h : hits) {
            items.add(h.withHighlight(highlights.get(h.ticket().id())));
        }
        return new TicketService.Page(items, total, next);
    }

    /** Up to ten open tickets most like this one, best first, each with its score. */
    List<Hit> similar(UUID id) {
        return similar.of(tickets.find(id).orElseThrow(TicketNotFound::new));
    }
}
