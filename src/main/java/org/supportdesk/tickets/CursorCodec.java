package org.supportdesk.tickets;

import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Sha256;
import org.supportdesk.system.SharedSecrets;
import org.supportdesk.system.SignedTokens;

/**
 * Cursors as clients see them: the keyset position in plain text, signed (SignedTokens) with a
 * key every instance shares, so a cursor the server did not issue, or one whose digits were edited,
 * is refused (SPEC §6), while a cursor from one instance is good on any other and after a restart.
 * A relevance cursor holds its place in a rank window, the window's bounds and a hash of the
 * search's query and filters ({@link #scopeOf}), so that it is refused with another search. Cursors
 * of previous versions (v4 and v3) are still read, except relevance ones, which held no scope (v4)
 * or a score (v3): a client that pages through a search across an upgrade starts it again.
 */
@Component
class CursorCodec {

    private static final String VERSION = "v5";
    private static final String PREVIOUS = "v4";
    private static final String OLDEST = "v3";

    private final SignedTokens tokens;

    @Autowired
    CursorCodec(SharedSecrets secrets) {
        this(() -> secrets.get("cursor_key"));
    }

    /** With a secret of its own: tests. */
    CursorCodec(Supplier<byte[]> secret) {
        this.tokens = new SignedTokens(secret);
    }

    String encode(TicketQuery.Cursor c) {
        return tokens.sign(String.join(
                "|",
                VERSION,
                c.sort().value(),
                c.descending() ? "desc" : "asc",
                Long.toString(c.key()),
                Long.toString(c.secondKey()),
                c.id(),
                Long.toString(c.high()),
                c.scope()));
    }

    /**
     * What a relevance cursor is bound to: a hash of the filters and the query as one text
     * (TicketFilter.scope), short because the cursor travels in URLs. The cursor is signed, so the
     * hash need not be secret; 96 bits make two searches of one client sharing one unthinkable.
     */
    String scopeOf(TicketFilter filter) {
        byte[] digest = Sha256.of(filter.scope());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    }

    /** The position a cursor of ours holds, or null when it is not one of ours. */
    TicketQuery.Cursor decode(String text) {
        String payload = tokens.verify(text);
        if (payload == null) {
            return null;
        }
        try {
            String[] parts = payload.split("\\|", -1);
            boolean current = parts.length == 8 && parts[0].equals(VERSION);
            boolean previous =
                    (parts.length == 7 && parts[0].equals(PREVIOUS)) || (parts.length == 6 && parts[0].equals(OLDEST));
            if (!current && !previous) {
                return null;
            }
            TicketQuery.Sort sort = Labelled.parse(TicketQuery.Sort.values(), parts[1]);
            TicketQuery.Order order = Labelled.parse(TicketQuery.Order.values(), parts[2]);
            if (sort == null || order == null || (!current && sort == TicketQuery.Sort.RELEVANCE)) {
                return null;
            }
            return new TicketQuery.Cursor(
                    sort,
                    order == TicketQuery.Order.DESC,
                    Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]),
                    UUID.fromString(parts[5]).toString(),
                    parts.length > 6 ? Long.parseLong(parts[6]) : Long.MAX_VALUE,
                    current ? parts[7] : "");
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
