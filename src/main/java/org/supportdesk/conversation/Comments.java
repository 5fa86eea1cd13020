package org.supportdesk.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ticket_comments table: a ticket's comments in order (creation time, then arrival), edits,
 * tombstones, and the moves of a merge. Attachments are in {@link Attachments}.
 */
@Component
class Comments {

    private static final String COLUMNS = "seq, id, ticket_id, created_at, author, author_id, author_type,"
            + " visibility, body, edited_at, deleted_at, deleted_by, merged_from";

    /**
     * How much of a ticket's comments is searched: 100,000 characters, a tsvector of at most a
     * tenth of PostgreSQL's limit even when every word is new (hex ids: 3,000 tokens, 120 KB).
     */
    static final int SEARCHED_CHARACTERS = 100_000;

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Comment c) {
        jdbc.sql("INSERT INTO ticket_comments (id, ticket_id, created_at, author, author_id, author_type, visibility,"
                        + " body, merged_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().toString(),
                        c.ticketId().toString(),
                        c.createdAt().toEpochMilli(),
                        c.author(),
                        text(c.authorId()),
                        c.authorType().value(),
                        c.visibility().value(),
                        c.body(),
                        text(c.mergedFrom()))
                .update();
    }

    /**
     * The text of a ticket's newest comments that are not deleted, oldest first, for the search
     * index: whole comments, newest first, while they fit in {@link #SEARCHED_CHARACTERS} (the
     * newest always). Without a bound, a long conversation of pasted logs broke commenting on
     * PostgreSQL (a tsvector holds at most 1 MB: 60,000 distinct tokens were 2 MB) and every new
     * comment re-read and re-indexed all the earlier ones.
     */
    String searchText(UUID ticketId) {
        return jdbc.sql("SELECT body FROM ticket_comments WHERE ticket_id = ? AND deleted_at IS NULL ORDER BY seq DESC")
                .param(ticketId.toString())
                .query((ResultSet rs) -> {
                    var newestFirst = new ArrayList<String>();
                    int total = 0;
                    while (rs.next()) {
                        String body = rs.getString(1);
                        if (!newestFirst.isEmpty() && total + body.length() > SEARCHED_CHARACTERS) {
                            break;
                        }
                        newestFirst.add(body);
                        total += body.length() + 1;
                    }
                    java.util.Collections.reverse(newestFirst);
                    return String.join("\n", newestFirst);
                });
    }

    /** The comment, if it is on that ticket (a merge moves comments to another ticket). */
    Optional<Comment> find(UUID ticketId, UUID commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_comments WHERE id = ? AND ticket_id = ?")
                .params(commentId.toString(), ticketId.toString())
                .query(Comments::read)
                .optional();
    }

    /** Up to {@code limit} comments after the position, oldest first; only one visibility when given. */
    List<Comment> page(UUID ticketId, Visibility only, CommentCursor.Position after, int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM ticket_comments WHERE ticket_id = ?");
        var args = new ArrayList<Object>();
        args.add(ticketId.toString());
        if (only != null) {
            sql.append(" AND visibility = ?");
            args.add(only.value());
        }
        if (after != null) {
            sql.append(" AND (created_at, seq) > (?, ?)");
            args.add(after.createdAt());
            args.add(after.seq());
        }
        sql.append(" ORDER BY created_at, seq LIMIT ?");
        args.add(limit);
        return jdbc.sql(sql.toString()).params(args).query(Comments::read).list();
    }

    long count(UUID ticketId, Visibility only) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ?"
                        + (only == null ? "" : " AND visibility = ?"))
                .params(only == null ? List.of(ticketId.toString()) : List.of(ticketId.toString(), only.value()))
                .query(Long.class)
                .single();
    }

    /** What the ticket's counters say: comments that are not deleted, and the time of the last one. */
    record Counted(int count, Instant last) {}

    Counted counted(UUID ticketId) {
        return jdbc.sql("SELECT COUNT(*), MAX(created_at) FROM ticket_comments WHERE ticket_id = ?"
                        + " AND deleted_at IS NULL")
                .param(ticketId.toString())
                .query((rs, n) -> {
                    long last = rs.getLong(2);
                    return new Counted(rs.getInt(1), rs.wasNull() ? null : Instant.ofEpochMilli(last));
                })
                .single();
    }

    /** A new text, unless the comment was deleted: a tombstone never gets a text back. */
    boolean edit(UUID commentId, String body, Instant at) {
        return jdbc.sql("UPDATE ticket_comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL")
                        .params(body, at.toEpochMilli(), commentId.toString())
                        .update()
                == 1;
    }

    /** Makes the comment a tombstone; false when it was one already (deleted once, counted once). */
    boolean tombstone(UUID commentId, Instant at, String by) {
        return jdbc.sql("UPDATE ticket_comments SET body = NULL, deleted_at = ?, deleted_by = ? WHERE id = ?"
                                + " AND deleted_at IS NULL")
                        .params(at.toEpochMilli(), by, commentId.toString())
                        .update()
                == 1;
    }

    /** Clears a text left in a tombstone (by an edit that raced its delete before that race was closed). */
    void clearTombstone(UUID commentId) {
        jdbc.sql("UPDATE ticket_comments SET body = NULL WHERE id = ? AND deleted_at IS NOT NULL AND body IS NOT NULL")
                .param(commentId.toString())
                .update();
    }

    /** Moves every comment of one ticket to another, marked with where it came first from; how many. */
    int moveAll(UUID from, UUID to) {
        return jdbc.sql("UPDATE ticket_comments SET ticket_id = ?, merged_from = COALESCE(merged_from, ?)"
                        + " WHERE ticket_id = ?")
                .params(to.toString(), from.toString(), from.toString())
                .update();
    }

    private static Comment read(ResultSet rs, int n) throws SQLException {
        return new Comment(
                UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("ticket_id")),
                rs.getString("author"),
                uuid(rs.getString("author_id")),
                AuthorType.parse(rs.getString("author_type")),
                Visibility.parse(rs.getString("visibility")),
                rs.getString("body"),
                List.of(),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "edited_at"),
                instant(rs, "deleted_at"),
                rs.getString("deleted_by"),
                uuid(rs.getString("merged_from")),
                rs.getLong("seq"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
