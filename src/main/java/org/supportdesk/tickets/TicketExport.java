package org.supportdesk.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.SharedSecrets;
import org.supportdesk.system.SignedTokens;

/**
 * The export feature's door into tickets: every ticket that matches the list filters, as plain
 * values ({@link ExportedTicket}), and the change feed, a page of changes after a cursor.
 */
@Component
public class TicketExport {

    /** Tickets per query of an export: a page of rows at a time keeps memory flat at any size. */
    static final int PAGE = 1000;

    public static final int MAX_CHANGES = 1000;

    private final TicketStore tickets;
    private final ChangeLog changes;
    private final SignedTokens cursors;

    @Autowired
    TicketExport(TicketStore tickets, ChangeLog changes, SharedSecrets secrets) {
        this(tickets, changes, new SignedTokens(() -> secrets.get("cursor_key")));
    }

    TicketExport(TicketStore tickets, ChangeLog changes, SignedTokens cursors) {
        this.tickets = tickets;
        this.changes = changes;
        this.cursors = cursors;
    }

    /**
     * Hands every ticket that matches {@code filter} to {@code out}, oldest first (by creation, then
     * id), reading a page at a time by keyset: no query or transaction stays open between pages, so
     * an export of millions holds back neither writers nor SQLite's checkpoints. Tickets created
     * while it runs may or may not be in it; each ticket is in it once.
     */
    public void each(TicketFilter filter, Consumer<ExportedTicket> out) {
        TicketQuery.Cursor after = null;
        while (true) {
            List<Ticket> page = tickets.page(
                    new TicketQuery(filter, TicketQuery.Sort.CREATED_AT, false, PAGE, after), Long.MAX_VALUE);
            for (int i = 0; i < Math.min(page.size(), PAGE); i++) {
                out.accept(ExportedTicket.of(page.get(i)));
            }
            if (page.size() <= PAGE) {
                return;
            }
            after = new TicketQuery.Cursor(TicketQuery.Sort.CREATED_AT, false, page.get(PAGE - 1));
        }
    }

    /** A change: {@code ticket} as it is now, or null for a deletion (a tombstone). */
    public record Change(
            String kind,
            UUID ticketId,
            Instant at,
            List<String> fields,
            String actor,
            UUID actorId,
            ExportedTicket ticket) {}

    /**
     * A page of the feed: {@code nextCursor} is where the next call starts (the same cursor again
     * when nothing was new); {@code endOfStream} when there is nothing more for now.
     */
    public record Changes(List<Change> changes, String nextCursor, boolean endOfStream) {}

    /**
     * Up to {@code limit} changes after {@code since} (null: from the start, every ticket there is),
     * oldest first.
     *
     * @throws InvalidRequest when {@code since} is not a cursor of this feed
     */
    public Changes changes(String since, int limit) {
        ChangeLog.Position after = since == null ? ChangeLog.Position.START : decode(since);
        List<ChangeLog.Entry> entries = changes.after(after, limit + 1);
        if (entries.isEmpty() && changes.beyondTheEnd(after)) {
            // An empty page would say "nothing new" at every poll, and skip the changes to come
            // until their numbers passed the cursor's.
            throw new InvalidRequest(Problem.query(
                    "since",
                    "The cursor is past the end of this feed: the database was restored from an older"
                            + " backup since it was issued; start again without since",
                    "value_error"));
        }
        boolean end = entries.size() <= limit;
        var page = new ArrayList<Change>(Math.min(entries.size(), limit));
        ChangeLog.Position last = after;
        for (ChangeLog.Entry e : entries.subList(0, Math.min(entries.size(), limit))) {
            page.add(new Change(
                    e.kind(),
                    e.ticketId(),
                    e.at(),
                    e.fields(),
                    e.actor().name(),
                    e.actor().id(),
                    e.ticket() == null ? null : ExportedTicket.of(e.ticket())));
            last = e.position();
        }
        return new Changes(page, encode(last), end);
    }

    private String encode(ChangeLog.Position p) {
        return cursors.sign("changes|" + p.xid() + "|" + p.seq());
    }

    private ChangeLog.Position decode(String cursor) {
        String payload = cursors.verify(cursor);
        String[] parts = payload == null ? new String[0] : payload.split("\\|", -1);
        try {
            if (parts.length == 3 && parts[0].equals("changes")) {
                return new ChangeLog.Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException notOurs) {
            // below
        }
        throw new InvalidRequest(Problem.query(
                "since",
                "Invalid cursor: use the next_cursor of a previous page, or leave since out to start",
                "value_error"));
    }
}
