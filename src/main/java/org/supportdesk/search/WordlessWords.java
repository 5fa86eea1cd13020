package org.supportdesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the words and phrases that hold no letter or digit ({@code 😀}, {@code &}, {@code ...},
 * {@code "*"}) out of a parsed query. Neither engine indexes them, so no ticket holds one; left in,
 * FTS5 and tsquery would each read them their own way, and simply dropping them turned {@code q=😀}
 * into "every ticket", which export, stats and classify-all then acted on. So (docs/SEARCH.md):
 *
 * <ul>
 *   <li>beside searchable words such a word is left out, as both engines leave out punctuation
 *       inside a text: {@code rock & roll} is {@code rock roll}, {@code refund OR 😀} is {@code refund};
 *   <li>a query, parenthesised group or side of OR whose words are all such words matches nothing:
 *       {@code 😀}, {@code 😀 priority:high}, {@code 😀 -refund} (Elasticsearch's match query answers
 *       the same when its analyser leaves no term);
 *   <li>excluding such a word excludes nothing: {@code -😀} is every ticket, as {@code -nosuchword}.
 * </ul>
 */
final class WordlessWords {

    private enum State {
        /** Some text to match: {@code text}. */
        TEXT,
        /** Every ticket: nothing left to match. */
        EVERY,
        /** No ticket. */
        NONE,
        /** Only words without letters: left out beside others, nothing on their own. */
        WORDLESS
    }

    private record Part(State state, Text text) {
        static final Part EVERY = new Part(State.EVERY, null);
        static final Part NONE = new Part(State.NONE, null);
        static final Part WORDLESS = new Part(State.WORDLESS, null);
    }

    private WordlessWords() {}

    /** The query of {@code text} (null: no words) and {@code fields}, without the words that hold no letter or digit. */
    static SearchQuery query(Text text, List<FieldTerm> fields) {
        Part part = text == null ? Part.EVERY : strip(text);
        boolean none = part.state() == State.NONE || part.state() == State.WORDLESS;
        return new SearchQuery(part.text(), fields, none);
    }

    // Recursive over the tree, whose depth the parser bounds (QueryParser.MAX_DEPTH).
    private static Part strip(Text text) {
        if (text instanceof Text.Word word) {
            return QueryLexer.hasWordCharacters(word.text()) ? new Part(State.TEXT, word) : Part.WORDLESS;
        }
        if (text instanceof Text.Phrase phrase) {
            return QueryLexer.hasWordCharacters(phrase.text()) ? new Part(State.TEXT, phrase) : Part.WORDLESS;
        }
        if (text instanceof Text.Not not) {
            Part operand = strip(not.operand());
            return switch (operand.state()) {
                case TEXT -> new Part(State.TEXT, new Text.Not(operand.text()));
                case EVERY -> Part.NONE;
                case NONE, WORDLESS -> Part.EVERY;
            };
        }
        return text instanceof Text.All all ? all(all.parts()) : any(((Text.Any) text).parts());
    }

    private static Part all(List<Text> parts) {
        var kept = new ArrayList<Text>();
        boolean wordless = false;
        for (Text p : parts) {
            Part part = strip(p);
            switch (part.state()) {
                case NONE -> {
                    return Part.NONE;
                }
                case WORDLESS -> wordless = true;
                case TEXT -> {
                    if (part.text() instanceof Text.All inner) {
                        kept.addAll(inner.parts());
                    } else {
                        kept.add(part.text());
                    }
                }
                case EVERY -> {}
            }
        }
        Text rest = kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : new Text.All(kept);
        if (wordless && (rest == null || !Text.hasPositive(rest))) {
            // What must match was all words without letters: `😀 -refund`.
            return Part.NONE;
        }
        return rest == null ? Part.EVERY : new Part(State.TEXT, rest);
    }

    private static Part any(List<Text> parts) {
        var kept = new ArrayList<Text>();
        boolean wordless = false;
        for (Text p : parts) {
            Part part = strip(p);
            switch (part.state()) {
                case EVERY -> {
                    return Part.EVERY;
                }
                case WORDLESS -> wordless = true;
                case TEXT -> kept.add(part.text());
                case NONE -> {}
            }
        }
        if (kept.isEmpty()) {
            return wordless ? Part.WORDLESS : Part.NONE;
        }
        return new Part(State.TEXT, kept.size() == 1 ? kept.get(0) : new Text.Any(kept));
    }
}
