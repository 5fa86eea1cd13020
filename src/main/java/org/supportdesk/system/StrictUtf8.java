package org.supportdesk.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 read strictly: bytes that are not UTF-8 (and encoded surrogates) are an error the caller
 * reports, never replaced with U+FFFD, which would store text other than what was sent without a
 * word. {@code new String(bytes, UTF_8)} replaces; so does a decoder with Java's default actions.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** A new strict decoder, for reading a stream in pieces (a decoder keeps state: one per reader). */
    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code bytes}, or null when they are not UTF-8. */
    public static String decodeOrNull(byte[] bytes) {
        try {
            return decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
