package org.supportdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Text the server hands out and takes back unchanged, such as list cursors and change-feed
 * cursors: the text, then an HMAC-SHA256 of it with a key that every instance sharing the database
 * shares (SharedSecrets), so that a token one instance issued is good on any other and after a
 * restart, and one the server did not issue, or whose digits were edited, is refused. The MAC is
 * cut to 128 bits (RFC 2104 allows half the hash), which keeps tokens short in URLs.
 */
public final class SignedTokens {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    /** Signed with the secret {@code secret} gives (read when first needed, then kept). */
    public SignedTokens(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    public String sign(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The text of a token signed here, or null when it is not one. */
    public String verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            // The MAC's text, not its decoded bytes: base64 leaves bits of the last digit unused,
            // so several texts decode to the same bytes, and a token edited there would pass.
            byte[] expected = ENCODER.encode(mac(payload));
            if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.ISO_8859_1))) {
                return null;
            }
            return new String(payload, StandardCharsets.UTF_8);
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
