package org.supportdesk.search;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.search.QueryLexer.Kind;
import org.supportdesk.search.QueryLexer.Token;

/**
 * Reads the search query language (docs/SEARCH.md):
 *
 * <pre>
 * query       = { clause } ;                              clauses combine with AND ("AND" may be written)
 * clause      = alternative { "OR" alternative } ;
 * alternative = [ "-" | "NOT" ] unit ;
 * unit        = word [ "*" ] | phrase | field | "(" { clause } ")" ;
 * field       = name ( ":" | ">" | ">=" | "<" | "<=" ) ( word | phrase ) ;
 * </pre>
 *
 * Fields filter, so they stand beside the words at the top level: not negated, not inside OR or
 * parentheses. A negated part needs something that must match beside it (except at the top level,
 * where "none of these" is allowed), because neither engine can rank "not this" on its own.
 */
final class QueryParser {

    /** Enough for any query a person writes; bounds the work a query makes for the database. */
    static final int MAX_TERMS = 32;

    /**
     * Parentheses nest at most this deep: more than any query a person writes, and a bound on the
     * recursion of this parser and of everything that walks the parsed tree (the engines'
     * renderers), which 1,000 characters of '(' would otherwise drive into a stack overflow.
     */
    static final int MAX_DEPTH = 20;

    private final List<Token> tokens;
    private final List<FieldTerm> fields = new ArrayList<>();
    private int next;
    private int terms;
    private int depth;

    QueryParser(String query) {
        this.tokens = QueryLexer.tokens(query);
    }

    SearchQuery parse() {
        List<Text> parts = sequence(true);
        if (next < tokens.size()) {
            Token close = tokens.get(next);
            throw new QuerySyntaxException(
                    "')' at position " + close.position() + " has no '(' to close", close.position());
        }
        return WordlessWords.query(all(parts), fields);
    }

    /** Clauses up to the end, or up to the ')' of a group (left for the caller). */
    private List<Text> sequence(boolean top) {
        var parts = new ArrayList<Text>();
        int clauses = 0;
        while (next < tokens.size() && tokens.get(next).kind() != Kind.CLOSE) {
            Token t = tokens.get(next);
            if (t.kind() == Kind.AND) {
                next++;
                if (clauses == 0 || atEndOfSequence() || tokens.get(next).kind() == Kind.AND) {
                    throw new QuerySyntaxException(
                            "AND at position " + t.position() + " needs something on both sides", t.position());
                }
                continue;
            }
            Object clause = clause();
            clauses++;
            if (clause instanceof FieldTerm field) {
                if (!top) {
                    throw fieldNotAlone(field);
                }
                fields.add(field);
            } else {
                parts.add((Text) clause);
            }
        }
        return parts;
    }

    private boolean atEndOfSequence() {
        return next >= tokens.size() || tokens.get(next).kind() == Kind.CLOSE;
    }

    private Object clause() {
        Token first = tokens.get(next);
        Object unit = alternative();
        if (next >= tokens.size() || tokens.get(next).kind() != Kind.OR) {
            return unit;
        }
        var alternatives = new ArrayList<Text>();
        alternatives.add(alternativeOfOr(unit, first));
        while (next < tokens.size() && tokens.get(next).kind() == Kind.OR) {
            Token or = tokens.get(next++);
            if (atEndOfSequence()
                    || tokens.get(next).kind() == Kind.OR
                    || tokens.get(next).kind() == Kind.AND) {
                throw new QuerySyntaxException(
                        "OR at position " + or.position() + " needs something on both sides", or.position());
            }
            Token start = tokens.get(next);
            alternatives.add(alternativeOfOr(alternative(), start));
        }
        return new Text.Any(alternatives);
    }

    private static Text alternativeOfOr(Object unit, Token start) {
        if (unit instanceof FieldTerm field) {
            throw fieldNotAlone(field);
        }
        Text text = (Text) unit;
        if (!Text.hasPositive(text)) {
            throw new QuerySyntaxException(
                    "The excluded part at position " + start.position()
                            + " cannot be one side of OR: say what may match, then exclude beside it",
                    start.position());
        }
        return text;
    }

    private Object alternative() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.NOT) {
            return unit();
        }
        next++;
        if (atEndOfSequence()) {
            throw new QuerySyntaxException(
                    "'" + t.text() + "' at position " + t.position() + " has nothing after it to exclude",
                    t.position());
        }
        Object unit = unit();
        if (unit instanceof FieldTerm field) {
            throw fieldNotAlone(field);
        }
        return new Text.Not((Text) unit);
    }

    private Object unit() {
        Token t = tokens.get(next++);
        switch (t.kind()) {
            case WORD -> {
                count(t);
                return new Text.Word(t.text(), t.prefix());
            }
            case PHRASE -> {
                count(t);
                return new Text.Phrase(t.text());
            }
            case FIELD -> {
                return t.field();
            }
            case OPEN -> {
                return group(t);
            }
            case OR ->
                throw new QuerySyntaxException(
                        "OR at position " + t.position() + " needs something on both sides", t.position());
            case AND ->
                throw new QuerySyntaxException(
                        "AND at position " + t.position() + " needs something on both sides", t.position());
            case NOT ->
                throw new QuerySyntaxException(
                        "'" + t.text() + "' at position " + t.position() + " cannot follow another '-' or NOT",
                        t.position());
            default ->
                throw new QuerySyntaxException(
                        "')' at position " + t.position() + " has no '(' to close", t.position());
        }
    }

    private Text group(Token open) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(
                    "The '(' at position " + open.position() + " nests parentheses more than " + MAX_DEPTH + " deep",
                    open.position());
        }
        List<Text> parts = sequence(false);
        depth--;
        if (next >= tokens.size()) {
            throw new QuerySyntaxException(
                    "The '(' at position " + open.position() + " is never closed", open.position());
        }
        next++;
        if (parts.isEmpty()) {
            throw new QuerySyntaxException(
                    "The parentheses at position " + open.position() + " hold nothing to search for", open.position());
        }
        Text group = all(parts);
        if (!Text.hasPositive(group)) {
            throw new QuerySyntaxException(
                    "The parentheses at position " + open.position()
                            + " only exclude: say what may match beside what is excluded",
                    open.position());
        }
        return group;
    }

    private void count(Token t) {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException(
                    "The query has more than " + MAX_TERMS + " words and phrases (the one at position " + t.position()
                            + " is one too many)",
                    t.position());
        }
    }

    /** One part as itself; several as All, with nested All flattened (AND is associative). */
    private static Text all(List<Text> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        var flat = new ArrayList<Text>();
        for (Text p : parts) {
            if (p instanceof Text.All inner) {
                flat.addAll(inner.parts());
            } else {
                flat.add(p);
            }
        }
        return new Text.All(flat);
    }

    private static QuerySyntaxException fieldNotAlone(FieldTerm field) {
        return new QuerySyntaxException(
                "The field " + field + " at position " + field.position()
                        + " cannot be excluded, put in parentheses or used with OR: fields narrow the whole query",
                field.position());
    }
}
