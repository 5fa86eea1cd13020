package org.supportdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a search query into tokens: words, phrases, fields, parentheses and the operators OR, AND
 * and NOT (or a leading {@code -}). Positions are 1-based and count characters (code points), as a
 * person counts them in the search box.
 */
final class QueryLexer {

    enum Kind {
        WORD,
        PHRASE,
        FIELD,
        OPEN,
        CLOSE,
        OR,
        AND,
        NOT
    }

    /** One token; {@code text} is the word or phrase, {@code field} set for FIELD. */
    record Token(Kind kind, String text, boolean prefix, FieldTerm field, int position) {}

    /** Longer than any query a person types; keeps the work for the database small. */
    static final int MAX_LENGTH = 1000;

    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> tokens(String query) {
        if (query.codePointCount(0, query.length()) > MAX_LENGTH) {
            throw new QuerySyntaxException("The query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        var lexer = new QueryLexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (at < query.length()) {
            char c = query.charAt(at);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                at++;
            } else if (c == '"') {
                int start = at;
                // A phrase without a letter or digit ("*") is kept for WordlessWords to judge.
                tokens.add(new Token(Kind.PHRASE, withoutNul(phrase()), false, null, position(start)));
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", false, null, position(at++)));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", false, null, position(at++)));
            } else if (c == '-' && (at + 1 >= query.length() || query.charAt(at + 1) != '-')) {
                int start = at++;
                if (at >= query.length() || Character.isWhitespace(query.charAt(at)) || query.charAt(at) == ')') {
                    throw new QuerySyntaxException(
                            "'-' at position " + position(start) + " has nothing after it to exclude", position(start));
                }
                tokens.add(new Token(Kind.NOT, "-", false, null, position(start)));
            } else {
                bare();
            }
        }
    }

    /** A quoted phrase starting at {@code at}; leaves {@code at} after the closing quote. */
    private String phrase() {
        int open = at;
        int close = query.indexOf('"', open + 1);
        if (close < 0) {
            throw new QuerySyntaxException(
                    "The quote at position " + position(open) + " is not closed", position(open));
        }
        at = close + 1;
        return query.substring(open + 1, close);
    }

    /** A word, an operator or a field, up to a space, a parenthesis or a quote. */
    private void bare() {
        int start = at;
        while (at < query.length() && !ends(query.charAt(at))) {
            at++;
        }
        String word = query.substring(start, at);
        int position = position(start);
        switch (word) {
            case "OR" -> tokens.add(new Token(Kind.OR, word, false, null, position));
            case "AND" -> tokens.add(new Token(Kind.AND, word, false, null, position));
            case "NOT" -> tokens.add(new Token(Kind.NOT, word, false, null, position));
            default -> wordOrField(word, position);
        }
    }

    private static boolean ends(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || c == '"';
    }

    private void wordOrField(String word, int position) {
        int op = 0;
        while (op < word.length() && isAsciiLetter(word.charAt(op))) {
            op++;
        }
        if (op > 0 && op < word.length() && ":<>".indexOf(word.charAt(op)) >= 0) {
            field(word, op, position);
            return;
        }
        if (word.endsWith("*")) {
            String stem = word.substring(0, word.length() - 1);
            if (stem.codePoints().filter(QueryLexer::isWordCharacter).count() < 2) {
                throw new QuerySyntaxException(
                        "A prefix search needs a word of at least 2 letters or digits before the '*' (at position "
                                + position + ")",
                        position);
            }
            int other = stem.codePoints()
                    .filter(cp -> !isWordCharacter(cp) && !isMark(cp))
                    .findFirst()
                    .orElse(-1);
            if (other >= 0) {
                throw new QuerySyntaxException(
                        "A prefix search needs one word of letters and digits before the '*' (at position " + position
                                + "), and '" + Character.toString(other) + "' is neither",
                        position);
            }
            tokens.add(new Token(Kind.WORD, stem, true, null, position));
        } else {
            // A word without letters or digits (a lone '&', "...") is kept for WordlessWords to judge.
            tokens.add(new Token(Kind.WORD, withoutNul(word), false, null, position));
        }
    }

    /**
     * The text of a word or phrase with each NUL as a space. Both engines split a text at every
     * control character, so NUL is one more character without a letter or digit: {@code login OR
     * \0} is {@code login}, {@code a\0b} the words a and b next to each other (as {@code a-b}). The
     * space keeps it from PostgreSQL, which refuses NUL in a parameter. A field's value keeps its
     * NUL: it is compared whole, and matches nothing, as a list filter holding NUL (Where).
     */
    private static String withoutNul(String text) {
        return text.replace('\0', ' ');
    }

    private void field(String word, int op, int position) {
        String name = word.substring(0, op).toLowerCase(Locale.ROOT);
        FieldTerm.Field field = FieldTerm.Field.of(name);
        if (field == null) {
            throw new QuerySyntaxException(
                    "Unknown field '" + word.substring(0, op) + "' at position " + position + "; the fields are "
                            + fieldList() + " (put a word with a colon in quotes to search for it as text)",
                    position);
        }
        int valueAt = op + 1;
        FieldTerm.Comparison comparison;
        char c = word.charAt(op);
        if (c == ':') {
            comparison = FieldTerm.Comparison.IS;
        } else if (valueAt < word.length() && word.charAt(valueAt) == '=') {
            comparison = c == '>' ? FieldTerm.Comparison.FROM : FieldTerm.Comparison.UNTIL;
            valueAt++;
        } else {
            comparison = c == '>' ? FieldTerm.Comparison.AFTER : FieldTerm.Comparison.BEFORE;
        }
        if (comparison != FieldTerm.Comparison.IS && !field.ordered()) {
            throw new QuerySyntaxException(
                    name + " at position " + position + " takes ':' only; '<' and '>' are for created and updated",
                    position);
        }
        String value = word.substring(valueAt);
        if (value.isEmpty() && at < query.length() && query.charAt(at) == '"') {
            value = phrase().strip();
        }
        if (value.isEmpty()) {
            throw new QuerySyntaxException(
                    name + comparison.symbol + " at position " + position + " has no value", position);
        }
        tokens.add(new Token(Kind.FIELD, word, false, new FieldTerm(field, comparison, value, position), position));
    }

    private static String fieldList() {
        var names = new ArrayList<String>();
        for (FieldTerm.Field f : FieldTerm.Field.values()) {
            names.add(f.label());
        }
        return String.join(", ", names);
    }

    private int position(int index) {
        return query.codePointCount(0, index) + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * A character both engines index: letters, digits and other numbers, private-use characters
     * (SQLite's unicode61 tokenizer; PostgreSQL's parser agrees on these).
     */
    static boolean isWordCharacter(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER
                || type == Character.PRIVATE_USE;
    }

    /**
     * A combining mark: the vowel signs and viramas of Indic scripts, an accent typed after its
     * letter (NFD). Part of the word it follows ({@code नमस्*}, {@code école} written as e and
     * U+0301), though no word of its own: each engine reads it with its word (PostgreSQL's parser
     * keeps it in the token, SQLite's unicode61 splits the token there or folds the accent away, in
     * the text as in the query).
     */
    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean hasWordCharacters(String text) {
        return text.codePoints().anyMatch(QueryLexer::isWordCharacter);
    }
}
