package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.util.RawValue;

/**
 * A ticket's last classification: either just decided, or read from the store as the JSON text
 * it was stored as. A stored one is sent as that text and parsed only when code reads its fields.
 * Parsing it and writing it again for every ticket of a list was a quarter of the CPU of a page of
 * 100 classified tickets (JFR, docs/BENCHMARKS.md); the text is the JSON this same mapper wrote for
 * a {@link ClassificationInfo}, the only thing the column ever holds, so it is what the API would
 * send anyway.
 */
public final class TicketClassification {

    private final String json;
    private final Function<String, ClassificationInfo> parser;
    // Parsed on first use. A race parses twice and keeps either: both are equal, and a record's
    // fields are final, so another thread never sees a half-built one.
    private ClassificationInfo info;

    private TicketClassification(String json, Function<String, ClassificationInfo> parser, ClassificationInfo info) {
        this.json = json;
        this.parser = parser;
        this.info = info;
    }

    /** A decision just made (or given by an import), not yet stored. */
    static TicketClassification of(ClassificationInfo info) {
        return info == null ? null : new TicketClassification(null, null, info);
    }

    /** A decision as the store keeps it: its JSON text, parsed by {@code parser} when needed. */
    static TicketClassification stored(String json, Function<String, ClassificationInfo> parser) {
        return json == null ? null : new TicketClassification(json, parser, null);
    }

    /** The decision's fields. */
    public ClassificationInfo info() {
        ClassificationInfo parsed = info;
        if (parsed == null) {
            parsed = parser.apply(json);
            info = parsed;
        }
        return parsed;
    }

    /** What JSON shows: the stored text as it is, or the decision's fields. */
    @JsonValue
    Object json() {
        return json != null ? new RawValue(new Utf8(json)) : info;
    }

    /** Writes it as {@link #json()} shows it, without going through a serializer's lookup. */
    void write(JsonGenerator g, SerializationContext ctx) {
        if (json != null) {
            g.writeRawValue(new Utf8(json));
        } else {
            ctx.writeValue(g, info);
        }
    }

    /**
     * Text written as it is, with its UTF-8 bytes made by the JDK's encoder: Jackson's writeRaw
     * of a String encodes it a character at a time, which was an eighth of a list page's CPU.
     */
    private static final class Utf8 extends SerializedString {

        Utf8(String text) {
            super(text);
            _unquotedUTF8Ref = text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketClassification other && info().equals(other.info());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(info());
    }

    @Override
    public String toString() {
        return json != null ? json : info.toString();
    }
}
