package org.supportdesk.classification;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON value that remembers the line it starts on, so that rule errors can point at it; read as
 * the type the rules expect ({@link #object}, {@link #array}, {@link #string}), or an error that says
 * where.
 *
 * @param value a {@code String}, {@code List<Json>}, {@code Map<String, Json>}, or a {@code Boolean}/{@code Number}/{@code
 *     null} read as is
 * @param line the 1-based line of the value in the rules file
 */
record Json(Object value, int line) {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Reads one JSON document; the reader is not closed. */
    static Json read(Reader reader) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            if (parser.nextToken() == null) {
                throw new RulesFormatException("Invalid classification rules: the rules file is empty");
            }
            Json root = value(parser);
            if (parser.nextToken() != null) {
                throw RulesFormatException.at(
                        "line " + line(parser), "unexpected content after the end of the rules object");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null
                    ? "the rules file"
                    : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new RulesFormatException(
                    "Invalid classification rules: " + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Json value(JsonParser parser) {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Json> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, value(parser));
                }
                return new Json(members, line);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                return new Json(items, line);
            }
            case VALUE_STRING -> {
                return new Json(parser.getString(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Json(parser.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Json(parser.getBooleanValue(), line);
            }
            default -> {
                return new Json(null, line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** A short name of this value's JSON type, for error messages. */
    private String typeName() {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value == null) {
            return "null";
        }
        return "a " + (value instanceof Boolean ? "boolean" : "number");
    }

    /** This value's members, or an error at {@code path} when it is not an object. */
    @SuppressWarnings("unchecked")
    Map<String, Json> object(String path) {
        if (!(value instanceof Map)) {
            throw RulesFormatException.at(where(path), "expected an object but found " + typeName());
        }
        return (Map<String, Json>) value;
    }

    /** This value's items, or an error at {@code path} when it is not an array. */
    @SuppressWarnings("unchecked")
    List<Json> array(String path) {
        if (!(value instanceof List)) {
            throw RulesFormatException.at(where(path), "expected an array but found " + typeName());
        }
        return (List<Json>) value;
    }

    /** This value's text, or an error at {@code path} when it is not a string. */
    String string(String path) {
        if (!(value instanceof String text)) {
            throw RulesFormatException.at(where(path), "expected a string but found " + typeName());
        }
        return text;
    }

    /** Where this value is, for an error: {@code path (line n)}. */
    String where(String path) {
        return path + " (line " + line + ")";
    }
}
