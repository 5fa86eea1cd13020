package org.supportdesk.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.SupportdeskProperties;

/**
 * Pages of a search in relevance order, ranked window by window (docs/SEARCH.md): the newest
 * {@code supportdesk.search.rank-window} matches (1,000 by default) best first, then the next
 * 1,000, and so on, so that every match is on some page.
 *
 * <p>Why not rank every match at once: both engines score each match before they can return the
 * best twenty, so a query that matches a fifth of a million tickets cost a third of a second
 * whatever the page size (docs/BENCHMARKS.md). A window costs the same whatever the store holds.
 * Its bounds are two keys of the newest-first order (SearchSql.windowKey): the cursor keeps them
 * and the place in the window where the page stopped, so the next page ranks the same window, and
 * tickets stored while a client pages through a search do not enter it.
 *
 * <p>On PostgreSQL every match is in one window (created before the first page): the GIN index
 * gives the matches in no order, so finding the newest thousand reads every match
 * anyway, and ranking them costs little beside that read (docs/BENCHMARKS.md).
 */
@Component
class RankWindows {

    /** The low bound of the oldest window: below every key. */
    static final long NONE = Long.MIN_VALUE;

    private final JdbcClient jdbc;
    private final SearchSql search;
    private final TicketJson json;
    private final Clock clock;
    private final int size;

    RankWindows(JdbcClient jdbc, SearchSql search, TicketJson json, Clock clock, SupportdeskProperties properties) {
        this.size = properties.search().rankWindow();
        this.jdbc = jdbc;
        this.search = search;
        this.json = json;
        this.clock = clock;
    }

    /** A hit of a ranked page, with the window [low, high) it was ranked in and its place there (from 0). */
    record Ranked(Hit hit, long low, long high, long place) {}

    /** A page of a ranked search: up to one hit more than the limit, best first within each window. */
    List<Ranked> page(TicketQuery query) {
        TicketQuery.Cursor after = query.after();
        long high = after == null ? top(query) : after.high();
        if (high == NONE) {
            return List.of();
        }
        long low = after == null ? low(query, high) : after.low();
        var page = new ArrayList<Ranked>();
        long skip = after == null ? 0 : after.key();
        while (true) {
            page.addAll(ranked(query, low, high, skip, query.limit() + 1 - page.size()));
            skip = 0;
            if (page.size() > query.limit() || low == NONE) {
                return page;
            }
            high = low;
            low = low(query, high);
        }
    }

    /**
     * The first window's high bound, which tickets stored later are above: on SQLite just above
     * the newest match's rowid (NONE when nothing matches: no window to rank); on PostgreSQL just
     * above now, since later tickets are created later (finding the newest match there could read
     * the whole creation-time index for a query that matches nothing: 270 ms over a million).
     */
    private long top(TicketQuery query) {
        if (!search.seeksByRecency()) {
            return clock.millis() + 1;
        }
        long newest = newest(query, Long.MAX_VALUE, 0);
        return newest == NONE ? NONE : newest + 1;
    }

    /**
     * The low bound of the window that ends at {@code high}: the key of its oldest match (the
     * size-th newest below {@code high}, with every filter), or NONE when fewer are left, as
     * always on PostgreSQL (one window).
     */
    private long low(TicketQuery query, long high) {
        return search.seeksByRecency() ? newest(query, high, size - 1) : NONE;
    }

    /** The key of the match after the {@code skip} newest below {@code high}, or NONE when there is none. */
    private long newest(TicketQuery query, long high, int skip) {
        var window = search.window(false, words(query), NONE, high);
        var where = where(query, window);
        var args = new ArrayList<>(window.fromArgs());
        args.addAll(where.args());
        args.add(skip);
        return jdbc.sql("SELECT " + search.windowKey() + window.from() + where.sql() + " ORDER BY " + search.windowKey()
                        + " DESC LIMIT 1 OFFSET ?")
                .params(args)
                .query(Long.class)
                .optional()
                .orElse(NONE);
    }

    /**
     * Up to {@code limit} hits of the window [low, high), best first, from its {@code skip}-th. By
     * place rather than after the last score: every ticket stored anywhere changes every score a
     * little (bm25 and ts_rank weigh a word by how rare it is in the whole store), but hardly the
     * order of a window's matches, so a page neither repeats nor skips hits when others write.
     */
    private List<Ranked> ranked(TicketQuery query, long low, long high, long skip, int limit) {
        Instant now = clock.instant();
        var window = search.window(true, words(query), low, high);
        var where = where(query, window);
        var args = new ArrayList<>(window.fromArgs());
        args.addAll(where.args());
        args.add(limit);
        args.add(skip);
        int score = TicketColumn.values().length + 1;
        return jdbc.sql("SELECT " + TicketColumn.LIST + ", " + search.score() + window.from() + where.sql()
                        + query.orderBy(search.score()) + " LIMIT ? OFFSET ?")
                .params(args)
                .query((rs, n) -> new Ranked(
                        new Hit(TicketColumn.read(rs, json, now), null, rs.getDouble(score)), low, high, skip + n))
                .list();
    }

    private String words(TicketQuery query) {
        return search.engineQuery(query.filter().search().text());
    }

    private Where where(TicketQuery query, SearchSql.Window window) {
        var where = new Where();
        if (window.condition() != null) {
            where.andAll(window.condition(), window.conditionArgs());
        }
        query.filter().addTo(where, search, false);
        return where;
    }
}
