package org.supportdesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a query as the text of a PostgreSQL {@code to_tsquery('english', ?)}: each word and
 * phrase a quoted operand (quotes doubled, backslashes escaped: the two characters that mean
 * something inside tsquery quotes), so that to_tsquery runs it through the same parser and English
 * dictionary as the indexed text, and a quoted phrase of several words becomes a phrase search
 * ({@code <->}). Operators come from the parsed query alone; the text is bound as a parameter.
 */
public final class TsQueryText {

    private TsQueryText() {}

    public static String of(Text text) {
        if (text instanceof Text.Word word) {
            return quote(word.text()) + (word.prefix() ? ":*" : "");
        }
        if (text instanceof Text.Phrase phrase) {
            return quote(phrase.text());
        }
        if (text instanceof Text.Not not) {
            return "!" + of(not.operand());
        }
        var parts = new ArrayList<String>();
        List<Text> children = text instanceof Text.All all ? all.parts() : ((Text.Any) text).parts();
        children.forEach(p -> parts.add(of(p)));
        String operator = text instanceof Text.All ? " & " : " | ";
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(operator, parts) + ")";
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
