package org.supportdesk.system;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens the server hands out and must recognise again, such as list cursors: the payload in plain
 * text (base64url), a dot, and an HMAC-SHA256 of it cut to 128 bits (RFC 2104 allows half the
 * hash), which keeps them short in URLs. The key comes from {@link SharedSecrets}, so a token one
 * instance sealed opens on every other and after a restart, while one the server did not issue, or
 * whose payload was edited, does not.
 */
public final class SealedTokens {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    /** With the secret's value, read when the first token is sealed or opened. */
    public SealedTokens(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    public String seal(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The payload of a token sealed with this key, or null when the token is not one of those. */
    public byte[] open(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            return MessageDigest.isEqual(mac(payload), DECODER.decode(token.substring(dot + 1))) ? payload : null;
        } catch (IllegalArgumentException notBase64) {
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
