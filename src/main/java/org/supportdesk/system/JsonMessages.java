package org.supportdesk.system;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's parse errors in plain words for a client: its messages name its own settings
 * (`StreamReadConstraints.getMaxNestingDepth()`, `JsonReadFeature...`) and token types
 * (`VALUE_STRING`), which mean nothing to the sender of the JSON. Plain Java over Jackson, so the
 * import parsers use it too.
 */
public final class JsonMessages {

    private static final Pattern LIMIT = Pattern.compile("^(.*?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Map<String, String> LIMITS = Map.of(
            "Document nesting depth", "JSON nesting too deep (limit %s levels)",
            "Number value length", "number too long (limit %s digits)",
            "String value length", "string too long (limit %s characters)",
            "Name length", "field name too long (limit %s characters)",
            "Document length", "JSON document too long (limit %s characters)",
            "Token count", "too many JSON values (limit %s)");
    private static final Map<String, String> TOKENS = Map.of(
            "VALUE_STRING", "a string",
            "VALUE_NUMBER_INT", "a number",
            "VALUE_NUMBER_FLOAT", "a number",
            "PROPERTY_NAME", "a field name",
            "START_OBJECT", "an object",
            "START_ARRAY", "an array",
            "END_OBJECT", "the end of an object",
            "END_ARRAY", "the end of an array");
    private static final Pattern TOKEN =
            Pattern.compile("\\b(VALUE_[A-Z_]+|PROPERTY_NAME|(?:START|END)_(?:OBJECT|ARRAY))\\b");
    // What is left of a library's vocabulary after the rewrites: `code`, qualified or settings names.
    private static final Pattern INTERNAL =
            Pattern.compile("`|\\[Source|\\b[a-z]+\\.[a-z]+\\.[a-zA-Z]|\\b[A-Z][a-z]+[A-Z]\\w*\\.[A-Za-z]|Feature");

    private JsonMessages() {}

    /** What is wrong with the JSON, without where (callers say where in their own words). */
    public static String plain(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "not valid JSON";
        }
        if (e instanceof StreamConstraintsException) {
            return limit(message);
        }
        message = cut(message, " (start marker at");
        message = cut(message, ": enable `");
        message = cut(message, " (consider enabling `");
        message = cut(message, " (not recognized as one since Feature");
        message = message.replaceAll("`(byte|short|int|long|float|double)`", "$1");
        Matcher token = TOKEN.matcher(message);
        message = token.replaceAll(m -> TOKENS.getOrDefault(m.group(1), "a value"));
        return INTERNAL.matcher(message).find() ? "not valid JSON" : message;
    }

    private static String limit(String message) {
        Matcher m = LIMIT.matcher(message);
        if (m.find() && LIMITS.containsKey(m.group(1))) {
            return String.format(LIMITS.get(m.group(1)), m.group(3));
        }
        return "JSON exceeds a size limit";
    }

    private static String cut(String message, String from) {
        int at = message.indexOf(from);
        return at < 0 ? message : message.substring(0, at);
    }
}
