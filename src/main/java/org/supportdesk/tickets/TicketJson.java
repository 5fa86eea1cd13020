package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's JSON columns: a ticket's tags and last classification, a history event's changes
 * and classification. Each read has a reader bound to its type once: resolving the type on every
 * row was a visible cost of reading a page of tickets.
 */
@Component
class TicketJson {

    private final JsonMapper json;
    private final ObjectReader tags;
    private final ObjectReader classification;
    private final ObjectReader changes;
    private final ObjectReader object;

    TicketJson(JsonMapper json) {
        this.json = json;
        this.tags = json.readerFor(new TypeReference<List<String>>() {});
        this.classification = json.readerFor(ClassificationInfo.class);
        this.changes = json.readerFor(new TypeReference<Map<String, HistoryEvent.Change>>() {});
        this.object = json.readerFor(new TypeReference<Map<String, Object>>() {});
    }

    String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    /**
     * A tags column: a JSON array of strings. The service writes it compact, so one without a
     * backslash (no escaped character in any tag) is split on its separators; any other is read
     * token by token. A parser for every row (its context and pooled buffers) was 7% of the CPU of
     * a list page (JFR, docs/BENCHMARKS.md), and binding through an ObjectReader 12% before that.
     */
    List<String> tags(String text) {
        List<String> plain = plainTags(text);
        return plain != null ? plain : parsedTags(text);
    }

    /** The tags of a compact array without escapes, or null when the text is anything else. */
    private static List<String> plainTags(String text) {
        int end = text.length() - 1;
        if (end < 1 || text.charAt(0) != '[' || text.charAt(end) != ']' || text.indexOf('\\') >= 0) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (end == 1) {
            return values;
        }
        int at = 1;
        while (true) {
            // Without escapes a quote only opens or closes a value: the next one closes this one.
            int close = at < end && text.charAt(at) == '"' ? text.indexOf('"', at + 1) : -1;
            if (close < 0) {
                return null;
            }
            values.add(text.substring(at + 1, close));
            if (close == end - 1) {
                return values;
            }
            if (text.charAt(close + 1) != ',') {
                return null;
            }
            at = close + 2;
        }
    }

    private List<String> parsedTags(String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return tags.readValue(text);
            }
            List<String> values = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                values.add(parser.getString());
            }
            // Anything else than strings (never written by the service): read as before, which says what is wrong.
            return token == JsonToken.END_ARRAY ? values : tags.readValue(text);
        }
    }

    /** A classification column, kept as its text and parsed when its fields are read. */
    TicketClassification classification(String text) {
        return TicketClassification.stored(text, classification::readValue);
    }

    Map<String, HistoryEvent.Change> changes(String text) {
        return changes.readValue(text);
    }

    Map<String, Object> object(String text) {
        return text == null ? null : object.readValue(text);
    }
}
