package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.search.Text;

/**
 * The search index beyond the list's conditions (SearchSql): new tickets into SQLite's index,
 * highlights, and the comments of a ticket for the conversation feature. PostgreSQL keeps its
 * tsvector column itself (a generated column, db/migration/postgresql/V8); on SQLite changed and
 * deleted tickets are kept by triggers (db/migration/sqlite/V8).
 */
@Component
class TicketSearchIndex {

    private static final String DOCS = "SELECT doc, subject, description, customer, comments FROM ticket_search_docs";
    // The description's and the comments' snippets, and the best column's: the first that shows a
    // match is the highlight (the subject is on every list already).
    private static final String SNIPPETS = snippet(1) + ", " + snippet(3) + ", " + snippet(-1);
    private static final String HEADLINE_OPTIONS = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.END
            + ", MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=\" … \"";

    private final JdbcClient jdbc;
    private final SearchSql sql;

    private static String snippet(int column) {
        return "snippet(ticket_search, " + column + ", '" + Highlight.START + "', '" + Highlight.END + "', '…', 16)";
    }

    TicketSearchIndex(JdbcClient jdbc, SearchSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /**
     * SQLite: indexes the tickets inserted after rowid {@code last}, in one statement (a batch of an
     * import, or one new ticket). On PostgreSQL nothing: the tsvector column is computed on insert.
     */
    void indexNewSince(long last) {
        if (sql.sqlite()) {
            jdbc.sql("INSERT INTO ticket_search (rowid, subject, description, customer, comments) " + DOCS
                            + " WHERE doc > ?")
                    .param(last)
                    .update();
        }
    }

    /**
     * The hook of the conversation feature: the text of all of a ticket's comments, as one text, to
     * be searched with the ticket (null or blank removes it). Call it in the transaction that
     * changes the comments (inside Database.write).
     */
    void comments(UUID ticketId, String text) {
        String value = text == null || text.isBlank() ? null : text;
        if (!sql.sqlite()) {
            jdbc.sql("UPDATE tickets SET comments_search = to_tsvector('english', ?) WHERE id = ?")
                    .params(value, ticketId.toString())
                    .update();
            return;
        }
        Long doc = jdbc.sql("SELECT rowid FROM tickets WHERE id = ?")
                .param(ticketId.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (doc == null) {
            return;
        }
        // FTS5 forgets a row by being told its indexed text, so: out with the old, then in with the new.
        jdbc.sql("INSERT INTO ticket_search (ticket_search, rowid, subject, description, customer, comments)"
                        + " SELECT 'delete', doc, subject, description, customer, comments FROM ticket_search_docs"
                        + " WHERE doc = ?")
                .param(doc)
                .update();
        if (value == null) {
            jdbc.sql("DELETE FROM ticket_search_comments WHERE doc = ?")
                    .param(doc)
                    .update();
        } else {
            jdbc.sql("INSERT INTO ticket_search_comments (doc, text) VALUES (?, ?)"
                            + " ON CONFLICT (doc) DO UPDATE SET text = excluded.text")
                    .params(doc, value)
                    .update();
        }
        jdbc.sql("INSERT INTO ticket_search (rowid, subject, description, customer, comments) " + DOCS
                        + " WHERE doc = ?")
                .param(doc)
                .update();
    }

    /**
     * A short highlight of where {@code text} matched, per ticket (HTML, see Highlight). On SQLite,
     * when the tickets' rowids are known to lie in [{@code low}, {@code high}) (from a ranked page;
     * null when not), FTS5 reads the matches of that range once and keeps the tickets asked for;
     * otherwise it seeks each ticket's rowid in every word's list of matches,
     * which costs about 0.3 ms a ticket over a million tickets against 1 ms for a window's range
     * (docs/BENCHMARKS.md).
     */
    Map<UUID, String> highlights(Text text, List<UUID> ids, Long low, Long high) {
        var found = new HashMap<UUID, String>();
        if (ids.isEmpty()) {
            return found;
        }
        var args = new ArrayList<Object>();
        args.add(sql.engineQuery(text));
        if (!sql.sqlite()) {
            args.add(HEADLINE_OPTIONS);
        }
        boolean ranged = sql.sqlite() && low != null;
        if (ranged) {
            args.add(low);
            args.add(high);
        }
        ids.forEach(id -> args.add(id.toString()));
        String in = "?, ".repeat(ids.size() - 1) + "?";
        String query = sql.sqlite()
                ? "SELECT t.id, " + SNIPPETS + " FROM ticket_search JOIN tickets t ON t.rowid = ticket_search.rowid"
                        + " WHERE ticket_search MATCH ?"
                        // The unary + keeps the ids from FTS5, which would seek each: SQLite checks them.
                        + (ranged
                                ? " AND ticket_search.rowid >= ? AND ticket_search.rowid < ? AND +ticket_search.rowid"
                                : " AND ticket_search.rowid")
                        + " IN (SELECT rowid FROM tickets WHERE id IN (" + in + "))"
                : "SELECT id, ts_headline('english', subject || E'\\n' || description, to_tsquery('english', ?), ?)"
                        + " FROM tickets WHERE id IN (" + in + ")";
        jdbc.sql(query).params(args).query(rs -> {
            String marked = rs.getString(2);
            for (int column = 3; column <= rs.getMetaData().getColumnCount(); column++) {
                if (marked == null || marked.indexOf(Highlight.START) < 0) {
                    marked = rs.getString(column);
                }
            }
            found.put(UUID.fromString(rs.getString(1)), Highlight.of(marked));
        });
        return found;
    }
}
