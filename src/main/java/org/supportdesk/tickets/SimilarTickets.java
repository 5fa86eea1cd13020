package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.search.Text;
import org.supportdesk.search.Words;

/**
 * Open tickets most like a given one, for spotting duplicates: the full-text engine ranks the open
 * tickets that share the given ticket's distinctive words (an OR of them: bm25 and ts_rank weigh a
 * rare word more), and a ticket of the same customer counts {@link #SAME_CUSTOMER} times as much.
 *
 * <p>Which words: those of the subject and description that are not everyday English, of which the
 * rarest in the store ({@link #WORDS}), each found in at least one other ticket and in at most
 * {@link #COMMON} (counted through the index, stopping at that number). A word in half the store
 * would cost a ranking of half the store and tell nothing.
 */
@Component
class SimilarTickets {

    private final java.time.Clock clock;

    static final int LIMIT = 10;
    static final double SAME_CUSTOMER = 1.5;
    private static final int CANDIDATES = 40;
    private static final int WORDS = 10;
    private static final int COMMON = 1000;
    private static final String OPEN = "status IN ('new', 'in_progress', 'waiting_customer')";

    private final JdbcClient jdbc;
    private final SearchSql sql;
    private final TicketJson json;

    SimilarTickets(JdbcClient jdbc, SearchSql sql, TicketJson json, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.sql = sql;
        this.json = json;
    }

    List<Hit> of(Ticket ticket) {
        Text words = distinctiveWords(ticket);
        if (words == null) {
            return List.of();
        }
        String boost = "(CASE WHEN customer_id = ? THEN " + SAME_CUSTOMER + " ELSE 1.0 END)";
        String score = sql.score() + " * " + boost;
        var args = new ArrayList<Object>();
        args.add(ticket.customerId());
        args.add(sql.engineQuery(words));
        args.add(ticket.id().toString());
        args.add(ticket.customerId());
        args.add(LIMIT);
        int at = TicketColumn.values().length + 1;
        java.time.Instant now = clock.instant();
        String match = sql.rankedMatch() == null ? "" : sql.rankedMatch() + " AND ";
        return jdbc.sql("SELECT " + TicketColumn.LIST + ", " + score + sql.rankedFrom() + " WHERE " + match + OPEN
                        + " AND id <> ? ORDER BY " + sql.score() + " * " + boost + " DESC, id LIMIT ?")
                .params(args)
                .query((rs, n) -> new Hit(TicketColumn.read(rs, json, now), null, rs.getDouble(at)))
                .list();
    }

    /** The rarest of the ticket's words as an OR, or null when none is shared and rare enough. */
    private Text distinctiveWords(Ticket ticket) {
        record Counted(String word, int tickets) {}
        var counted = new ArrayList<Counted>();
        for (String word : Words.distinctive(ticket.subject() + "\n" + ticket.description(), CANDIDATES)) {
            Text one = new Text.Word(word, false);
            int n = count(one);
            if (n > 1 && n <= COMMON) {
                counted.add(new Counted(word, n));
            }
        }
        if (counted.isEmpty()) {
            return null;
        }
        counted.sort(Comparator.comparingInt(Counted::tickets));
        var any = new ArrayList<Text>();
        for (Counted c : counted.subList(0, Math.min(WORDS, counted.size()))) {
            any.add(new Text.Word(c.word(), false));
        }
        return any.size() == 1 ? any.get(0) : new Text.Any(any);
    }

    /** How many tickets hold the word, counted up to one more than COMMON. */
    private int count(Text word) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + sql.matching() + " LIMIT ?) AS found")
                .params(sql.engineQuery(word), COMMON + 1)
                .query(Integer.class)
                .single();
    }
}
