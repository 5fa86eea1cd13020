package org.supportdesk.tickets;

/**
 * A search hit's highlight, safe to put into HTML as it is: the engines mark matched words with two
 * private-use characters ({@link #START}, {@link #END}) in plain text; this escapes the text
 * ({@code & < > " '}) and turns the marks into {@code <mark>} and {@code </mark>}, balanced, so
 * that nothing a ticket says can become markup. A stray mark character in a ticket's own text can
 * at worst mark a word, never open a tag of its own.
 */
final class Highlight {

    static final char START = '\uE000';
    static final char END = '\uE001';

    private Highlight() {}

    /**
     * The most characters of one word (or of one run of spaces, or of other signs) a highlight
     * shows; a longer one is cut there with "…". The engines cut the text around the matches by
     * words (FTS5's snippet 16, ts_headline up to 48), however long each is: a word of 1,900
     * characters (a pasted token, a base64 blob) came back whole. 50 keeps every word of a language,
     * an e-mail address or a path segment; a highlight is at most about 50 × 48 characters.
     */
    static final int LONGEST_RUN = 50;

    static String of(String marked) {
        if (marked == null) {
            return null;
        }
        var html = new StringBuilder(Math.min(marked.length(), 4096) + 32);
        boolean open = false;
        int kind = -1;
        int run = 0;
        for (int i = 0; i < marked.length(); ) {
            int c = marked.codePointAt(i);
            i += Character.charCount(c);
            if (c == START || c == END) {
                if (open != (c == START)) {
                    html.append(open ? "</mark>" : "<mark>");
                    open = !open;
                }
                continue;
            }
            int k = kind(c);
            run = k == kind ? run + 1 : 1;
            kind = k;
            if (run > LONGEST_RUN) {
                if (run == LONGEST_RUN + 1) {
                    html.append('…');
                }
                continue;
            }
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.appendCodePoint(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    /** A word's character (combining marks too), a space, or another sign. */
    private static int kind(int c) {
        if (Character.isLetterOrDigit(c)) {
            return 0;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) ? 1 : 2;
    }
}
