package org.supportdesk.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What is wrong with a request path Tomcat refused before any filter saw it, in words a caller can
 * act on. Tomcat says only "Invalid URI" for a '%' without two hex digits, and nothing at all for
 * escapes that are not UTF-8 (%FF, or %ED%A0%80, a lone surrogate), which left those answered as
 * if the headers were broken.
 */
final class InvalidPaths {

    private InvalidPaths() {}

    /** Why the raw (still percent-encoded) path is refused, or null when it is none of these. */
    static String why(String raw) {
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= path.length()
                    || !HexFormat.isHexDigit(path.charAt(i + 1))
                    || !HexFormat.isHexDigit(path.charAt(i + 2))) {
                return "a '%' must be followed by two hexadecimal digits (write a '%' itself as %25)";
            }
            bytes.write(HexFormat.fromHexDigits(path, i + 1, i + 3));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "its percent-escapes must encode UTF-8 text (%FF, or a lone surrogate such as %ED%A0%80, is not)";
        }
    }
}
