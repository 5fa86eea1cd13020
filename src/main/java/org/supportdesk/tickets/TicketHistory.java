package org.supportdesk.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ticket_history table: what happened to each ticket, as {@link HistoryEvent}s in order. */
@Component
class TicketHistory {

    static final String INSERT = "INSERT INTO ticket_history (ticket_id, at, actor, actor_id, action, changes,"
            + " classification, detail, comment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An event of one ticket, on its way into the table. */
    record Entry(UUID ticketId, HistoryEvent event) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TicketJson json;

    TicketHistory(JdbcClient jdbc, JdbcTemplate batch, TicketJson json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void append(UUID ticketId, HistoryEvent event) {
        jdbc.sql(INSERT).params(row(ticketId, event)).update();
    }

    void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>(entries.size());
        for (Entry e : entries) {
            rows.add(row(e.ticketId(), e.event()));
        }
        batch.batchUpdate(INSERT, rows);
    }

    /** The parameters of {@link #INSERT} for one event, for a batch built ahead of its statement. */
    Object[] row(UUID ticketId, HistoryEvent event) {
        return new Object[] {
            ticketId.toString(),
            event.at().toEpochMilli(),
            event.actor(),
            event.actorId() == null ? null : event.actorId().toString(),
            event.action(),
            json.write(event.changes() == null ? Map.of() : event.changes()),
            json.write(event.classification()),
            json.write(detail(event)),
            event.commentId() == null ? null : event.commentId().toString()
        };
    }

    /** The `detail` column: what an event about a comment or a merge is about. */
    private static Map<String, Object> detail(HistoryEvent event) {
        if (event.comment() != null) {
            return Map.of("comment", event.comment());
        }
        return event.merge() == null ? null : Map.of("merge", event.merge());
    }

    /** The stored events of a ticket, oldest first (its creation is not stored: the ticket row has it). */
    @SuppressWarnings("unchecked")
    List<HistoryEvent> of(UUID ticketId) {
        return jdbc.sql("SELECT at, actor, actor_id, action, changes, classification, detail, comment_id"
                        + " FROM ticket_history WHERE ticket_id = ? ORDER BY seq")
                .param(ticketId.toString())
                .query((rs, n) -> {
                    Map<String, Object> detail = json.object(rs.getString("detail"));
                    String commentId = rs.getString("comment_id");
                    return new HistoryEvent(
                            Instant.ofEpochMilli(rs.getLong("at")),
                            rs.getString("actor"),
                            rs.getString("actor_id") == null ? null : UUID.fromString(rs.getString("actor_id")),
                            rs.getString("action"),
                            json.changes(rs.getString("changes")),
                            json.object(rs.getString("classification")),
                            detail == null ? null : (Map<String, Object>) detail.get("comment"),
                            detail == null ? null : (Map<String, Object>) detail.get("merge"),
                            commentId == null ? null : UUID.fromString(commentId));
                })
                .list();
    }

    /**
     * Removes a deleted comment's text from the events of its edits, wherever they are (a merge
     * moves comments, not their history): who edited it and when stay.
     */
    void forgetCommentText(UUID commentId) {
        jdbc.sql("UPDATE ticket_history SET changes = '{}' WHERE comment_id = ? AND action = 'comment_edited'")
                .param(commentId.toString())
                .update();
    }

    /** The classification of each ticket's last `classified` event; tickets without one are absent. */
    Map<UUID, Map<String, Object>> lastDecisions(Collection<UUID> ticketIds) {
        var last = new HashMap<UUID, Map<String, Object>>();
        if (ticketIds.isEmpty()) {
            return last;
        }
        var ids = ticketIds.stream().map(UUID::toString).toList();
        jdbc.sql("SELECT ticket_id, classification FROM ticket_history WHERE action = 'classified' AND ticket_id IN ("
                        + "?, ".repeat(ids.size() - 1) + "?) ORDER BY seq")
                .params(ids)
                .query(rs -> {
                    last.put(UUID.fromString(rs.getString(1)), json.object(rs.getString(2)));
                });
        return last;
    }

    /** No foreign key does it: they cost imports more than this statement costs a delete. */
    void deleteOf(UUID ticketId) {
        jdbc.sql("DELETE FROM ticket_history WHERE ticket_id = ?")
                .param(ticketId.toString())
                .update();
    }
}
