package org.supportdesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a query as an SQLite FTS5 MATCH expression. Every word and phrase goes in as an FTS5
 * string (double quotes, inner quotes doubled), which FTS5 only tokenizes: whatever a person types,
 * no character of it is read as FTS5 syntax (operators, column filters, NEAR, ^, +, *); the
 * operators come from the parsed query alone. The expression is then bound as a parameter, never
 * put into SQL.
 *
 * <p>FTS5's NOT takes two sides ("a NOT b"), so exclusions go after what must match. A query that
 * only excludes is rendered as what to exclude, {@code negated}, for the caller to turn into
 * {@code NOT IN}.
 */
public record Fts5Match(String expression, boolean negated) {

    public static Fts5Match of(Text text) {
        if (!Text.hasPositive(text)) {
            var excluded = new ArrayList<String>();
            for (Text part : text instanceof Text.All all ? all.parts() : List.of(text)) {
                excluded.add(render(((Text.Not) part).operand()));
            }
            return new Fts5Match(join(excluded, " OR "), true);
        }
        return new Fts5Match(render(text), false);
    }

    private static String render(Text text) {
        if (text instanceof Text.Word word) {
            return quote(word.text()) + (word.prefix() ? "*" : "");
        }
        if (text instanceof Text.Phrase phrase) {
            return quote(phrase.text());
        }
        if (text instanceof Text.Any any) {
            var parts = new ArrayList<String>();
            any.parts().forEach(p -> parts.add(render(p)));
            return join(parts, " OR ");
        }
        if (text instanceof Text.All all) {
            var must = new ArrayList<String>();
            var mustNot = new ArrayList<String>();
            for (Text part : all.parts()) {
                if (part instanceof Text.Not not) {
                    mustNot.add(render(not.operand()));
                } else {
                    must.add(render(part));
                }
            }
            String required = join(must, " AND ");
            return mustNot.isEmpty() ? required : "(" + required + " NOT " + join(mustNot, " OR ") + ")";
        }
        // The parser lets a lone exclusion stand only at the top level, where of() handles it.
        throw new IllegalArgumentException("An exclusion needs something that must match beside it: " + text);
    }

    private static String join(List<String> parts, String operator) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(operator, parts) + ")";
    }

    static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
