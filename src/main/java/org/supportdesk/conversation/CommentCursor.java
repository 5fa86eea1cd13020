package org.supportdesk.conversation;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.supportdesk.system.SharedSecrets;
import org.supportdesk.system.SignedTokens;

/**
 * The cursor of a page of comments: the ticket, the visibility filter and the position of the
 * page's last comment, sealed with a key every instance shares (as the tickets' cursors are), so a
 * cursor the server did not issue, edited, or made for another ticket or filter is refused.
 */
@Component
class CommentCursor {

    private static final String VERSION = "c1";

    /** Where a page stopped: its last comment's creation time and arrival number. */
    record Position(long createdAt, long seq) {}

    private final SignedTokens tokens;

    @Autowired
    CommentCursor(SharedSecrets secrets) {
        this(() -> secrets.get("comment_cursor_key"));
    }

    /** With a secret of its own: tests. */
    CommentCursor(Supplier<byte[]> secret) {
        this.tokens = new SignedTokens(secret);
    }

    String encode(UUID ticketId, Visibility only, Comment last) {
        String payload = String.join(
                "|",
                VERSION,
                ticketId.toString(),
                only == null ? "" : only.value(),
                Long.toString(last.createdAt().toEpochMilli()),
                Long.toString(last.seq()));
        return tokens.sign(payload);
    }

    /** The position, or null when the cursor is not one of ours for this ticket and visibility. */
    Position decode(String cursor, UUID ticketId, Visibility only) {
        String payload = tokens.verify(cursor);
        if (payload == null) {
            return null;
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 5
                || !parts[0].equals(VERSION)
                || !parts[1].equals(ticketId.toString())
                || !parts[2].equals(only == null ? "" : only.value())) {
            return null;
        }
        try {
            return new Position(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
