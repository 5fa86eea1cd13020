package org.supportdesk.conversation;

/**
 * The name a file is stored and served under: the last segment of what the client sent (no
 * directories), without control characters or the direction controls of bidirectional text (which
 * can show {@code invoice\u202Efdp.exe} as {@code invoiceexe.pdf}), lone surrogates replaced, at
 * most 255 characters.
 * The download's Content-Disposition encodes it (RFC 6266), so any other character is safe.
 */
final class FileNames {

    static final String DEFAULT = "attachment";
    private static final int MAX = 255;

    private FileNames() {}

    /**
     * Whether the container could not read the submitted name: it decodes a part's headers as
     * UTF-8, with U+FFFD in place of bytes that are not, so the name the client meant is lost
     * (and a `filename*` whose percent-escapes are not UTF-8 ends the same way). Refused rather
     * than stored changed; a name that really holds U+FFFD is refused with them.
     */
    static boolean undecodable(String submitted) {
        return submitted != null && submitted.indexOf('\uFFFD') >= 0;
    }

    /** The embeddings, overrides, isolates and marks of Unicode's bidirectional algorithm (UAX #9). */
    private static boolean directionControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    static String clean(String submitted) {
        if (submitted == null) {
            return DEFAULT;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        var clean = new StringBuilder(Math.min(name.length(), MAX));
        int kept = 0;
        for (int i = 0; i < name.length() && kept < MAX; ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isISOControl(c) && !directionControl(c)) {
                // A surrogate on its own (no pair) is no character: codePointAt returns it as it is.
                clean.appendCodePoint(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? '_' : c);
                kept++;
            }
        }
        String result = clean.toString().strip();
        return result.isEmpty() || result.equals(".") || result.equals("..") ? DEFAULT : result;
    }
}
