package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.SupportdeskProperties;

/**
 * Where PostgreSQL looks for a rank window (RankWindows): a range of recent creation times, large
 * enough to hold a window's matches by what the newest tickets say, widened if it does not.
 *
 * <p>Why: the GIN index gives a search's matches in no order, so the newest thousand of them could
 * only be found among all of them, each read in the heap (68,000 rows for `password reset` over a
 * million tickets: 150-250 ms). ANDed with a range of the creation-time index (or of a field's
 * index, which orders created_at after the field) the bitmap holds only the matches of that range,
 * and only those are read: about 1,500 instead of 22,000 for `password reset priority:high`.
 *
 * <p>How large a range: the newest {@value #PROBE} windows' worth of tickets are read through the
 * creation-time index (1.5 ms for 2,000) and the search's conditions checked on each: how many of
 * them match says how many tickets hold a window's matches (half again as many, for the words are
 * not spread evenly), and the pace of creation, how far back they reach: the pace of those read or
 * the store's average, whichever is slower, for a bulk import creates tickets faster than the days
 * before it. A range that still holds too few is widened by what it held, with the same margin (up
 * to 16 times), and the {@value #TRIES}rd try takes every ticket. Each try reads the words'
 * index entries again (4-20 ms for two common words), so a range had better be too large than too
 * small: a match more in it costs a microsecond or two.
 */
@Component
class RecentRanges {

    /** The probe reads this many windows' worth of the newest tickets. */
    static final int PROBE = 4;

    /** The last try takes every ticket below the high bound. */
    static final int TRIES = 3;

    private final JdbcClient jdbc;
    private final SearchSql search;
    private final TicketStore tickets;
    private final int size;

    RecentRanges(JdbcClient jdbc, SearchSql search, TicketStore tickets, SupportdeskProperties properties) {
        this.jdbc = jdbc;
        this.search = search;
        this.tickets = tickets;
        this.size = properties.search().rankWindow();
    }

    /**
     * What {@code find} gives for the low bound of the first range below {@code high} that holds a
     * window's matches of {@code filter} ({@code matches} counts them, up to a window), or for {@link
     * RankWindows#NONE} when no range does. SQLite, whose FTS5 gives matches newest first and stops
     * after a window of them, asks once with NONE; so does a search whose other filters leave at most
     * a window of tickets ({@code few}).
     */
    <T> T find(TicketFilter filter, long high, boolean few, LongFunction<T> find, ToLongFunction<T> matches) {
        if (search.seeksByRecency() || few) {
            return find.apply(RankWindows.NONE);
        }
        Probe probe = probe(filter, high);
        // Half a match when none: a range 4,000 times the probe's, every ticket of most stores.
        double range = 1.5 * size * probe.read() / Math.max(probe.matched(), 0.5);
        for (int tried = 1; ; tried++) {
            long low = tried == TRIES ? RankWindows.NONE : probe.low(range);
            T found = find.apply(low);
            long n = matches.applyAsLong(found);
            if (low == RankWindows.NONE || n >= size) {
                return found;
            }
            // Not at least doubled: `password reset` with a tag on 8% of the tickets found 993 of
            // 1,000 in the newest 171,000 tickets; the double, 367,000, took 129-136 ms against
            // 89-111 for the 268,000 of this margin (docs/BENCHMARKS.md, twelfth session).
            range *= Math.min(16, 1.5 * size / Math.max(n, 1));
        }
    }

    /**
     * The newest tickets below {@code high}: how many of them the search matches (its words and
     * filters), and the creation times of the newest, of the last read and of the oldest ticket.
     */
    private Probe probe(TicketFilter filter, long high) {
        long read = (long) PROBE * size;
        long stored = tickets.count(TicketFilter.NONE);
        var where = new Where();
        filter.addTo(where, search, true, search.tagPerTicketOfProbe());
        var args = new ArrayList<Object>();
        args.add(high);
        args.add(read);
        args.addAll(where.args());
        args.add(high);
        args.add(high);
        args.add(read - 1);
        // The newest tickets under the name `tickets`, so that every condition reads them.
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM (SELECT * FROM tickets WHERE created_at < ?"
                        + " ORDER BY created_at DESC LIMIT ?) AS tickets" + where.sql() + "),"
                        + " (SELECT MAX(created_at) FROM tickets WHERE created_at < ?),"
                        + " (SELECT created_at FROM tickets WHERE created_at < ? ORDER BY created_at DESC OFFSET ? LIMIT 1),"
                        + " (SELECT MIN(created_at) FROM tickets)")
                .params(args)
                .query((rs, n) -> new Probe(
                        rs.getLong(1),
                        read,
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        stored))
                .single();
    }

    /** What the probe found: matches among the {@code read} newest tickets, and three creation times. */
    private record Probe(long matched, long read, Long newest, Long lastRead, Long oldest, long stored) {

        /**
         * The low bound of a range of about {@code tickets} of the newest, at the pace of those read;
         * NONE when it would reach the oldest ticket (or fewer than the probe's are left).
         */
        long low(double tickets) {
            if (newest == null || lastRead == null) {
                return RankWindows.NONE;
            }
            // At least a millisecond: tickets imported in the same millisecond still widen it.
            double perTicket = Math.max(
                    Math.max(newest - lastRead, 1) / (double) (read - 1),
                    (newest - oldest) / (double) Math.max(stored, 1));
            double low = newest - perTicket * tickets;
            return low <= oldest ? RankWindows.NONE : (long) low;
        }
    }
}
