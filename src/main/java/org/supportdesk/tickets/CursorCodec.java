package org.supportdesk.tickets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.supportdesk.system.SharedSecrets;

/**
 * Cursors as clients see them: the keyset position in plain text, then an HMAC-SHA256 of it with
 * a key that every instance sharing the database shares (SharedSecrets), so a cursor the server
 * did not issue, or one whose digits were edited, is refused (SPEC §6), while a cursor from one
 * instance is good on any other and after a restart. The MAC is cut to 128 bits (RFC 2104 allows
 * half the hash), which keeps cursors short in URLs.
 */
@Component
class CursorCodec {

    private static final String VERSION = "v3";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    @Autowired
    CursorCodec(SharedSecrets secrets) {
        this(() -> secrets.get("cursor_key"));
    }

    /** With a secret of its own: tests. */
    CursorCodec(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    String encode(TicketQuery.Cursor c) {
        byte[] payload = String.join(
                        "|",
                        VERSION,
                        c.sort().value(),
                        c.descending() ? "desc" : "asc",
                        Long.toString(c.key()),
                        Long.toString(c.secondKey()),
                        c.id())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The position a cursor of ours holds, or null when it is not one of ours. */
    TicketQuery.Cursor decode(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(text.substring(0, dot));
            if (!MessageDigest.isEqual(mac(payload), DECODER.decode(text.substring(dot + 1)))) {
                return null;
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 6 || !parts[0].equals(VERSION)) {
                return null;
            }
            TicketQuery.Sort sort = Labelled.parse(TicketQuery.Sort.values(), parts[1]);
            TicketQuery.Order order = Labelled.parse(TicketQuery.Order.values(), parts[2]);
            if (sort == null || order == null) {
                return null;
            }
            return new TicketQuery.Cursor(
                    sort,
                    order == TicketQuery.Order.DESC,
                    Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]),
                    UUID.fromString(parts[5]).toString());
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            // Two requests may both load it; they get the same stored secret.
            k = new SecretKeySpec(secret.get(), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
