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

    static String of(String marked) {
        if (marked == null) {
            return null;
        }
        var html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case END -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }
}
