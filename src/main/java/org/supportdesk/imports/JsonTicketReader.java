package org.supportdesk.imports;

import org.supportdesk.system.JsonMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON: a top-level array of ticket objects, an object whose first key is {@code tickets}
 * holding that array (the shape Zendesk's exports use; its other keys are ignored), or a stream of
 * objects (NDJSON, one per line, or simply one after another). Elements that are not objects are
 * per-record problems. One record at a time is read into a tree, capped at {@link
 * #MAX_RECORD_CHARS}.
 */
final class JsonTicketReader extends LookaheadReader {

    static final int MAX_RECORD_CHARS = 1_000_000;
    static final int MAX_DEPTH = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Utf8Text text;
    private final JsonParser parser;
    private Boolean array;
    // The array is the value of {"tickets": [...]}: the object's other keys follow it.
    private boolean wrapped;
    // The first record of a stream, when reading its first key showed it is no wrapper.
    private ObjectNode started;
    private int row;
    private int current;

    JsonTicketReader(Utf8Text text) {
        super(text);
        this.text = text;
        this.parser = MAPPER.createParser(text);
    }

    @Override
    ImportRecord readNext() {
        current = row + 1;
        try {
            JsonToken token = parser.nextToken();
            if (array == null) {
                token = start(token);
            }
            if (array ? token == JsonToken.END_ARRAY : token == null) {
                if (wrapped) {
                    skipRestOfWrapper();
                }
                if (array && parser.nextToken() != null) {
                    throw malformed(parser.currentTokenLocation(), "unexpected content after the closing ]");
                }
                return null;
            }
            row++;
            if (token != JsonToken.START_OBJECT && started == null) {
                parser.skipChildren();
                return ImportRecord.problem(row, "record is not a JSON object (found " + describe(token) + ")");
            }
            text.limit(MAX_RECORD_CHARS);
            ObjectNode ticket = started != null ? restOf(started) : (ObjectNode) MAPPER.readTree(parser);
            started = null;
            text.unlimited();
            return new ImportRecord(row, ticket, TicketFields.liftMetadata(ticket));
        } catch (Utf8Text.RecordTooLarge e) {
            throw tooLarge();
        } catch (JacksonException e) {
            MalformedImportException cause = Causes.find(e);
            if (cause != null) {
                throw cause;
            }
            throw Causes.tooLarge(e) ? tooLarge() : malformed(e.getLocation(), JsonMessages.plain(e));
        }
    }

    private JsonToken start(JsonToken token) {
        if (token == null) {
            throw new MalformedImportException("line 1: file is empty");
        }
        if (token == JsonToken.START_ARRAY) {
            array = true;
            return parser.nextToken();
        }
        if (token == JsonToken.START_OBJECT) {
            array = false;
            JsonToken first = parser.nextToken();
            if (first == JsonToken.PROPERTY_NAME && parser.currentName().equals("tickets")) {
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    array = true;
                    wrapped = true;
                    return parser.nextToken();
                }
                started = TicketFields.NODES.objectNode();
                started.set("tickets", MAPPER.readTree(parser));
                parser.nextToken();
            } else {
                started = TicketFields.NODES.objectNode();
            }
            return token;
        }
        throw malformed(
                parser.currentTokenLocation(),
                "expected a JSON array of ticket objects or one object per line (NDJSON), found " + describe(token));
    }

    /** The rest of an object whose first keys are read: the parser is at its next key or its end. */
    private ObjectNode restOf(ObjectNode object) {
        for (JsonToken t = parser.currentToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, MAPPER.readTree(parser));
        }
        return object;
    }

    /** After the array of {"tickets": [...], ...}: its other keys, ignored, up to its end. */
    private void skipRestOfWrapper() {
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    private MalformedImportException tooLarge() {
        return malformed(parser.currentLocation(), "record is longer than " + MAX_RECORD_CHARS + " characters");
    }

    private MalformedImportException malformed(TokenStreamLocation at, String message) {
        String where = at == null || at.getLineNr() < 0
                ? "record " + current
                : "line " + at.getLineNr() + ", column " + at.getColumnNr() + " (record " + current + ")";
        return new MalformedImportException(where + ": " + message);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
