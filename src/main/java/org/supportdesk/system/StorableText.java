package org.supportdesk.system;

/**
 * Text that every database stores exactly as it was sent. PostgreSQL cannot store NUL in text, and
 * a surrogate without its pair is no character at all: both databases would store `?` instead of
 * it and the text would change silently. Refused on every database alike, in every body that
 * carries text (tickets, imported records, comments).
 */
public final class StorableText {

    private static final String NUL = "String should not contain the NUL character (\\u0000)";
    private static final String LONE_SURROGATE =
            "String should not contain a lone surrogate (\\ud800 to \\udfff without its pair): it is not a character";

    private StorableText() {}

    /** Why {@code value} cannot be stored as sent, as a 422 problem at {@code loc} in the body; null when it can. */
    public static Problem check(String value, Object... loc) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return Problem.body(NUL, "string_nul", loc);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return Problem.body(LONE_SURROGATE, "string_unicode", loc);
                }
            }
        }
        return null;
    }
}
