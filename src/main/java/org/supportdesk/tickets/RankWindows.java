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
 * <p>Finding the first window counts its matches: when they are fewer than a window (a rare word,
 * a customer's name, a narrow filter), that count is the page's total and no other count is
 * needed, so such a search reads its matches twice, as it did before windows; when they fill it,
 * the page's total is at least a window (TicketSearches).
 *
 * <p>On PostgreSQL the key is the creation time, and a window is looked for in a range of recent
 * creation times (RecentRanges), since the GIN index gives the matches in no order: a range
 * holds the newest matches, and only its matches are read (docs/BENCHMARKS.md).
 */
@Component
class RankWindows {

    /** The low bound of the oldest window: below every key. */
    static final long NONE = Long.MIN_VALUE;

    private final JdbcClient jdbc;
    private final TicketStore tickets;
    private final SearchSql search;
    private final RecentRanges ranges;
    private final TicketJson json;
    private final Clock clock;
    private final int size;

    RankWindows(
            JdbcClient jdbc,
            TicketStore tickets,
            SearchSql search,
            RecentRanges ranges,
            TicketJson json,
            Clock clock,
            SupportdeskProperties properties) {
        this.size = properties.search().rankWindow();
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.search = search;
        this.ranges = ranges;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A hit of a ranked page, with the window [low, high) it was ranked in, its place there (from
     * 0) and its own key in the newest-first order (SearchSql.windowKey).
     */
    record Ranked(Hit hit, long low, long high, long place, long key) {}

    /**
     * A page of a ranked search: up to one hit more than the limit, best first within each window;
     * the matches counted while finding the first window (on a later page, a window's size when the
     * cursor's window was full, else 0: a lower bound), and whether that count is all of them (fewer
     * than a window), which spares the page its count.
     */
    record Page(List<Ranked> rows, long counted, boolean all) {}

    Page page(TicketQuery query) {
        TicketQuery.Cursor after = query.after();
        Where among = among(query);
        var rows = new ArrayList<Ranked>();
        long high;
        long low;
        long skip = 0;
        long counted = 0;
        if (after != null) {
            high = after.high();
            low = after.low();
            skip = after.key();
            // A window with a low bound was full when found: at least a window of matches, so a
            // later page, like the first, needs no count to say "more than 1,000" (a count of up to
            // 1,001 read 45 ms of word matches for `password reset` on PostgreSQL).
            counted = low == NONE ? 0 : size;
        } else {
            // PostgreSQL: what was created before now (later tickets are created later).
            long below = search.seeksByRecency() ? Long.MAX_VALUE : clock.millis() + 1;
            First first = ranges.find(
                    query.filter(),
                    below,
                    among != null,
                    from -> first(query, among, from, below),
                    found -> found.span().count());
            counted = first.span().count();
            if (counted == 0) {
                return new Page(List.of(), 0, true);
            }
            rows.addAll(first.rows());
            low = first.span().low(size);
            if (rows.size() > query.limit() || low == NONE) {
                return new Page(rows, counted, low == NONE);
            }
            // The whole first window fits on the page: on to the next one.
            high = low;
            low = span(query, high, among).low(size);
        }
        while (true) {
            rows.addAll(ranked(query, low, high, skip, query.limit() + 1 - rows.size(), among));
            skip = 0;
            if (rows.size() > query.limit() || low == NONE) {
                return new Page(rows, counted, false);
            }
            high = low;
            low = span(query, high, among).low(size);
        }
    }

    /**
     * The other filters of a search (its fields and the list's parameters) when they leave at most
     * a window of tickets, else null. FTS5's matches are then kept to those tickets (SearchSql.window)
     * rather than the filters applied to each match's ticket row: for `password reset` and the
     * newest 800 of a million tickets, 15 ms instead of 65, where the rows of all 68,000 word
     * matches were read. On PostgreSQL their matches are one window, found in one try rather than
     * in widening ranges of creation time (RecentRanges), each of which reads the words' index.
     * Asking costs a count of up to a window + 1, through the filters' index.
     */
    private Where among(TicketQuery query) {
        var where = new Where();
        query.filter().addTo(where, search, false, false);
        if (where.sql().isEmpty()) {
            return null;
        }
        // PostgreSQL: a tag through its rows (TaggedPages.count: 0.3 ms, not 33-40 by its ids).
        long n = search.sqlite()
                ? tickets.countUpTo(where, size)
                : tickets.countUpTo(query.filter().withoutWords(), w -> {}, size);
        return n <= size ? where : null;
    }

    /** The first window's span, and its best hits: up to one more than the limit. */
    private record First(WindowSpan span, List<Ranked> rows) {}

    /**
     * The first window found and ranked in one statement (SQLite): its matches are read once,
     * rather than once to find it and again to rank it (10.5 ms instead of 13.5 for a two-word
     * query with a field over a million tickets).
     */
    private First first(TicketQuery query, Where among, long from, long below) {
        Instant now = clock.instant();
        var window = search.window(true, words(query), from, below, among);
        var where = where(query, window);
        var args = new ArrayList<>(window.fromArgs());
        args.addAll(where.args());
        args.add(size);
        args.add(query.limit() + 1);
        int score = TicketColumn.values().length + 1;
        var span = new WindowSpan[1];
        var rows = new ArrayList<Ranked>();
        jdbc.sql("WITH w AS MATERIALIZED (SELECT " + search.windowKey() + " AS k, " + search.keptForScore()
                        + ", tickets.id AS hit" + window.from() + where.sql() + " ORDER BY "
                        + search.windowKey() + " DESC" + search.newestLimit() + ")"
                        + " SELECT " + TicketColumn.LIST + ", top.score, c.n, c.lo, c.hi, top.k"
                        + " FROM (SELECT COUNT(*) AS n, MIN(k) AS lo, MAX(k) AS hi FROM w) AS c,"
                        + " (SELECT k, " + search.keptScore() + " AS score, hit FROM w ORDER BY score DESC, hit ASC"
                        + " LIMIT ?) AS top JOIN tickets ON " + search.keptTicket()
                        + " ORDER BY top.score DESC, top.hit ASC")
                .params(args)
                .query(rs -> {
                    if (span[0] == null) {
                        span[0] = new WindowSpan(rs.getLong(score + 1), rs.getLong(score + 2), rs.getLong(score + 3));
                    }
                    long low = span[0].low(size);
                    rows.add(new Ranked(
                            new Hit(TicketColumn.read(rs, json, now), null, rs.getDouble(score)),
                            low,
                            span[0].newest() + 1,
                            rows.size(),
                            rs.getLong(score + 4)));
                });
        // No row: no match (with one, the window's best is a row).
        return new First(span[0] == null ? new WindowSpan(0, 0, 0) : span[0], rows);
    }

    /** The newest {@code size} matches below {@code high} (SQLite: FTS5 gives them newest first and stops). */
    private WindowSpan span(TicketQuery query, long high, Where among) {
        return ranges.find(
                query.filter(), high, among != null, from -> span(query, from, high, among), WindowSpan::count);
    }

    /** The newest {@code size} matches in [from, high), with the ties of the oldest on PostgreSQL. */
    private WindowSpan span(TicketQuery query, long from, long high, Where among) {
        var window = search.window(false, words(query), from, high, among);
        var where = where(query, window);
        var args = new ArrayList<>(window.fromArgs());
        args.addAll(where.args());
        args.add(size);
        return jdbc.sql("SELECT COUNT(*), MIN(k), MAX(k) FROM (SELECT " + search.windowKey() + " AS k" + window.from()
                        + where.sql() + " ORDER BY " + search.windowKey() + " DESC" + search.newestLimit()
                        + ") AS newest")
                .params(args)
                .query((rs, n) -> new WindowSpan(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /**
     * Up to {@code limit} hits of the window [low, high), best first, from its {@code skip}-th. By
     * place rather than after the last score: every ticket stored anywhere changes every score a
     * little (bm25 and ts_rank weigh a word by how rare it is in the whole store), but hardly the
     * order of a window's matches, so a page neither repeats nor skips hits when others write.
     */
    private List<Ranked> ranked(TicketQuery query, long low, long high, long skip, int limit, Where among) {
        Instant now = clock.instant();
        var window = search.window(true, words(query), low, high, among);
        var where = where(query, window);
        var args = new ArrayList<>(window.fromArgs());
        args.addAll(where.args());
        args.add(limit);
        args.add(skip);
        int score = TicketColumn.values().length + 1;
        return jdbc.sql("SELECT " + TicketColumn.LIST + ", " + search.score() + ", " + search.windowKey()
                        + window.from() + where.sql() + query.orderBy(search.score()) + " LIMIT ? OFFSET ?")
                .params(args)
                .query((rs, n) -> new Ranked(
                        new Hit(TicketColumn.read(rs, json, now), null, rs.getDouble(score)),
                        low,
                        high,
                        skip + n,
                        rs.getLong(score + 1)))
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
        query.filter().addTo(where, search, false, window.tagPerTicket());
        return where;
    }
}
