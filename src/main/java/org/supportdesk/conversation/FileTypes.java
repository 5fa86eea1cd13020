package org.supportdesk.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The media types of attachments: which are shown in the browser (`inline`) and how each of those
 * begins. Only raster images a browser paints (PNG, JPEG, GIF, WebP) and PDF are inline; anything
 * else, SVG and HTML included (both can carry script), is sent as a download with `nosniff`, so it
 * cannot run on our origin whatever it holds. A file declared as one of the inline types must
 * begin as that type does (its magic number): a file that lies about being an image is refused.
 */
final class FileTypes {

    /** How many leading bytes {@link #matches} needs. */
    static final int HEAD = 12;

    static final String UNKNOWN = "application/octet-stream";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] PDF = ascii("%PDF-");

    private interface Signature {
        boolean of(byte[] head);
    }

    private static final Map<String, Signature> INLINE = Map.of(
            "image/png", head -> starts(head, 0, PNG),
            "image/jpeg", head -> starts(head, 0, JPEG),
            "image/gif", head -> starts(head, 0, GIF87) || starts(head, 0, GIF89),
            "image/webp", head -> starts(head, 0, RIFF) && starts(head, 8, WEBP),
            "application/pdf", head -> starts(head, 0, PDF));

    // RFC 9110 token characters, on each side of the slash.
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+/[a-z0-9!#$%&'*+.^_`|~-]+");

    private FileTypes() {}

    /** The longest media type kept: attachments.content_type is VARCHAR(255) (V7). */
    static final int MAX_LENGTH = 255;

    /**
     * The declared type as stored: `type/subtype` in lower case, parameters dropped; a file
     * declared with no type is {@value #UNKNOWN}. Null when the declaration is not a media type.
     */
    static String declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return UNKNOWN;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() && !type.contains("*") ? type : null;
    }

    /** True when a browser is let to show the file itself rather than download it. */
    static boolean inline(String type) {
        return INLINE.containsKey(type);
    }

    /** False when {@code type} is an inline type and {@code head} (the file's first bytes) is not of it. */
    static boolean matches(String type, byte[] head) {
        Signature signature = INLINE.get(type);
        return signature == null || signature.of(head);
    }

    private static boolean starts(byte[] head, int at, byte[] magic) {
        return head.length >= at + magic.length && Arrays.equals(head, at, at + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
