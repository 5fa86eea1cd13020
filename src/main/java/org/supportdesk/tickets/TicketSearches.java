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

    TicketSearches(TicketStore tickets, CursorCodec cursors, TicketSearchIndex index, SimilarTickets similar) {
        this.tickets = tickets;
        this.cursors = cursors;
        this.index = index;
        this.similar = similar;
    }

    /** A page of a search with words: hits with their highlights, and their scores in relevance order. */
    TicketService.Page page(TicketQuery query) {
        List<Hit> hits = query.sort() == TicketQuery.Sort.RELEVANCE
                ? tickets.ranked(query)
                : tickets.page(query, Long.MAX_VALUE).stream()
                        .map(t -> new Hit(t, null, null))
                        .toList();
        long total = tickets.count(query.filter());
        String next = null;
        if (hits.size() > query.limit()) {
            hits = hits.subList(0, query.limit());
            Hit last = hits.get(hits.size() - 1);
            next = cursors.encode(
                    query.sort() == TicketQuery.Sort.RELEVANCE
                            ? TicketQuery.Cursor.afterScore(last.score(), last.ticket())
                            : new TicketQuery.Cursor(query.sort(), query.descending(), last.ticket()));
        }
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
