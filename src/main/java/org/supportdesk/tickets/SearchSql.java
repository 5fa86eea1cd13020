package org.supportdesk.tickets;

import org.springframework.stereotype.Component;
import org.supportdesk.search.Fts5Match;
import org.supportdesk.search.Text;
import org.supportdesk.search.TsQueryText;
import org.supportdesk.system.Dialect;

/**
 * The SQL of the search index, in its two dialects: SQLite's FTS5 table ticket_search, keyed by
 * the ticket's rowid, and PostgreSQL's tsvector column tickets.search (db/migration/.../V8). The
 * words reach the database only as a bound MATCH expression or tsquery text, quoted word by word
 * by the search package.
 */
@Component
class SearchSql {

    private static final String FTS5_ROWS = " (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)";
    // bm25 weights per column: subject, description, customer, comments. A word in the subject says
    // more about a ticket than the same word in a long description.
    private static final String BM25 = "bm25(ticket_search, 4.0, 1.0, 2.0, 1.0)";

    private final Dialect dialect;

    SearchSql(Dialect dialect) {
        this.dialect = dialect;
    }

    boolean sqlite() {
        return dialect == Dialect.SQLITE;
    }

    /** The words of {@code text} as the engine reads them: an FTS5 MATCH expression or tsquery text. */
    String engineQuery(Text text) {
        return sqlite() ? Fts5Match.of(text).expression() : TsQueryText.of(text);
    }

    /** Adds: the ticket's text matches {@code text}. */
    void addMatch(Where where, Text text) {
        if (sqlite()) {
            Fts5Match match = Fts5Match.of(text);
            where.and("tickets.rowid" + (match.negated() ? " NOT IN" : " IN") + FTS5_ROWS, match.expression());
        } else {
            where.and("tickets.search @@ to_tsquery('english', ?)", TsQueryText.of(text));
        }
    }

    /**
     * Adds: the ticket is this customer's, by id, or by name or e-mail holding these words in this
     * order (through the index, so that no scan of every name is needed).
     */
    void addCustomer(Where where, String customer) {
        if (customer.indexOf('\0') >= 0) {
            where.and("customer_id = ?", customer);
            return;
        }
        var words = new Text.Phrase(customer);
        if (sqlite()) {
            where.andAll(
                    "(customer_id = ? OR tickets.rowid IN" + FTS5_ROWS + ")",
                    java.util.List.of(
                            customer, "customer : " + Fts5Match.of(words).expression()));
        } else {
            // Weight C is the customer's part of the tsvector.
            where.andAll(
                    "(customer_id = ? OR tickets.search @@ to_tsquery('english', ?))",
                    java.util.List.of(customer, TsQueryText.of(words) + ":C"));
        }
    }

    /**
     * The tickets with a relevance score ({@code score}, higher is better), for a ranked page: a
     * FROM clause that matches the words itself (its one parameter goes first) and the expression
     * of the score. A double on both databases, compared exactly by the keyset of the next page.
     */
    String rankedFrom() {
        return sqlite()
                ? " FROM tickets JOIN (SELECT rowid AS doc, -" + BM25 + " AS score FROM ticket_search"
                        + " WHERE ticket_search MATCH ?) m ON tickets.rowid = m.doc"
                : " FROM tickets, to_tsquery('english', ?) AS m(q)";
    }

    String score() {
        return sqlite() ? "m.score" : "CAST(ts_rank(tickets.search, m.q) AS DOUBLE PRECISION)";
    }

    /**
     * Whether the engine can give a search's matches newest first and stop early (FTS5, in rowid
     * order), so that a rank window costs what the window holds; PostgreSQL's GIN index gives them
     * in no order, so that a window is looked for in ranges of creation time (RecentRanges).
     */
    boolean seeksByRecency() {
        return sqlite();
    }

    /**
     * The key that orders a search's matches newest first, for its rank windows (RankWindows):
     * SQLite's rowid, in which FTS5 returns matches and can start from any point, and PostgreSQL's
     * creation time, which an index orders.
     */
    String windowKey() {
        return sqlite() ? "m.doc" : "tickets.created_at";
    }

    /**
     * " LIMIT ?" of the newest matches of a window: on PostgreSQL with the ties of the last one, whose
     * creation time is the window's low bound (tickets of one import share a millisecond), so that
     * the window [low, high) holds exactly the matches ranked; SQLite's rowids never tie.
     */
    String newestLimit() {
        return sqlite() ? " LIMIT ?" : " FETCH FIRST ? ROWS WITH TIES";
    }

    /**
     * What the window's matches keep for their score (columns of a FROM from {@link #window} with
     * {@code scored}): SQLite's bm25, computed by FTS5 for each match anyway, and on PostgreSQL the
     * tsvector and the query, so that ts_rank (0.4-4 µs each) runs only for the newest matches kept.
     */
    String keptForScore() {
        return sqlite() ? "m.score AS score" : "tickets.search AS doc, m.q AS q";
    }

    /** The score of a kept match (keptForScore): the same double as {@link #score()}. */
    String keptScore() {
        return sqlite() ? "score" : "CAST(ts_rank(doc, q) AS DOUBLE PRECISION)";
    }

    /** Joins the ticket of a kept match, whose key is {@code k} and id {@code hit}, in table {@code top}. */
    String keptTicket() {
        return sqlite() ? "tickets.rowid = top.k" : "tickets.id = top.hit";
    }

    /**
     * The tickets that match the words with their window key in [low, high), with the score when
     * {@code scored}: a FROM clause whose parameters go first (the words, then on SQLite the two
     * bounds, which FTS5 seeks to), and the condition the WHERE clause needs (PostgreSQL's bounds).
     * On SQLite, {@code among} (or null) is the other filters when they leave few tickets: FTS5's
     * matches are then kept to those tickets' rowids, read once through the filters' index, instead
     * of each match's ticket row being read to apply the filters (RankWindows.among).
     */
    Window window(boolean scored, String words, long low, long high, Where among) {
        if (sqlite()) {
            var args = new java.util.ArrayList<Object>(java.util.List.of(words, low, high));
            String kept = "";
            if (among != null) {
                // The unary + leaves the rowids to SQLite: FTS5 would seek each in every word's matches.
                kept = " AND +rowid IN (SELECT rowid FROM tickets" + among.sql() + ")";
                args.addAll(among.args());
            }
            return new Window(
                    " FROM tickets JOIN (SELECT rowid AS doc" + (scored ? ", -" + BM25 + " AS score" : "")
                            + " FROM ticket_search WHERE ticket_search MATCH ? AND rowid >= ? AND rowid < ?" + kept
                            + " ORDER BY rowid DESC) m ON tickets.rowid = m.doc",
                    args,
                    null,
                    java.util.List.of(),
                    false);
        }
        // The planner should AND the words' GIN bitmap with a range of the creation-time index (or
        // of a field's, which orders created_at next). It estimates the words' matches from each
        // word's frequency as if words were independent: 1,166 for `loads slowly`, which 23,086
        // tickets have, so for a range of 90,000 tickets it read all 23,086 matches' rows instead
        // (160 ms against 15). Behind OFFSET 0 the tsquery is a value it cannot see, as in a generic
        // plan: it assumes 0.5% of the tickets and ANDs, in custom and generic plans alike. The
        // lowest window has no low bound: a generic plan, not knowing the bound is the lowest, would
        // read the whole creation-time index to AND it; the high bound alone is left to a filter.
        String from = " FROM tickets, (SELECT to_tsquery('english', ?) OFFSET 0) AS m(q)";
        // In a range the tag is checked on each candidate the words and the range find, not by
        // reading all its ids first (TicketFilter.tagCondition). The lowest window reads them
        // first, as the list does: a rare tag's few tickets (RankWindows.among) are found by them,
        // and when every word match is read anyway (75,000 for `password reset`) a hash of the ids
        // costs less than a look-up per match (230 ms against 280 with a tag on 37,000 tickets).
        boolean tagPerTicket = low != RankWindows.NONE;
        return low == RankWindows.NONE
                ? new Window(
                        from,
                        java.util.List.of(words),
                        "tickets.search @@ m.q AND tickets.created_at < ?",
                        java.util.List.of(high),
                        tagPerTicket)
                : new Window(
                        from,
                        java.util.List.of(words),
                        "tickets.search @@ m.q AND tickets.created_at >= ? AND tickets.created_at < ?",
                        java.util.List.of(low, high),
                        tagPerTicket);
    }

    /**
     * A FROM clause with its parameters, a condition for the WHERE clause (or null) with its own,
     * and whether the tag filter is checked on each candidate (TicketFilter.tagCondition).
     */
    record Window(
            String from,
            java.util.List<Object> fromArgs,
            String condition,
            java.util.List<Object> conditionArgs,
            boolean tagPerTicket) {}

    /**
     * Whether the tag filter is checked on each ticket of RecentRanges' probe, the newest 4,000
     * (3 ms, where reading the 92,000 ids of a common tag first took 20-38): PostgreSQL's only.
     */
    boolean tagPerTicketOfProbe() {
        return !sqlite();
    }

    /** The tickets that match an engine query (its one parameter), in no order, as cheaply as the engine can. */
    String matching() {
        return sqlite()
                ? "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?"
                : "SELECT 1 FROM tickets WHERE tickets.search @@ to_tsquery('english', ?)";
    }

    /** The condition that a ranked FROM needs on PostgreSQL (SQLite's join matches already). */
    String rankedMatch() {
        return sqlite() ? null : "tickets.search @@ m.q";
    }
}
