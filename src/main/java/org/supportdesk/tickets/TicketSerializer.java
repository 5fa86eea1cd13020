package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.system.Timestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * A ticket's JSON, written field by field: the same fields, names, order and nulls as Jackson's
 * own serialization of the record ({@code TicketSerializerTests} compares the two). Jackson 3 reads
 * each record component through a method handle and each enum's label through reflection, which on
 * JDK 17 was an eighth of the CPU of a page of 100 tickets (JFR, docs/BENCHMARKS.md). Also writes
 * the ticket's fields into an enclosing object (a search hit's {@code @JsonUnwrapped} ticket).
 */
final class TicketSerializer extends ValueSerializer<Ticket> {

    private static final SerializableString ID = name("id");
    private static final SerializableString CUSTOMER_ID = name("customer_id");
    private static final SerializableString CUSTOMER_EMAIL = name("customer_email");
    private static final SerializableString CUSTOMER_NAME = name("customer_name");
    private static final SerializableString SUBJECT = name("subject");
    private static final SerializableString DESCRIPTION = name("description");
    private static final SerializableString CATEGORY = name("category");
    private static final SerializableString PRIORITY = name("priority");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString TAGS = name("tags");
    private static final SerializableString ASSIGNED_TO = name("assigned_to");
    private static final SerializableString METADATA = name("metadata");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString BROWSER = name("browser");
    private static final SerializableString DEVICE_TYPE = name("device_type");
    private static final SerializableString CREATED_AT = name("created_at");
    private static final SerializableString UPDATED_AT = name("updated_at");
    private static final SerializableString RESOLVED_AT = name("resolved_at");
    private static final SerializableString FIRST_RESPONSE_AT = name("first_response_at");
    private static final SerializableString LAST_COMMENT_AT = name("last_comment_at");
    private static final SerializableString COMMENT_COUNT = name("comment_count");
    private static final SerializableString MERGED_INTO = name("merged_into");
    private static final SerializableString SLA = name("sla");
    private static final SerializableString FIRST_RESPONSE_DUE_AT = name("first_response_due_at");
    private static final SerializableString RESOLUTION_DUE_AT = name("resolution_due_at");
    private static final SerializableString BREACHED = name("breached");
    private static final SerializableString PAUSED = name("paused");
    private static final SerializableString CLASSIFICATION = name("classification");
    private static final SerializableString VERSION = name("version");

    private final boolean unwrapped;

    TicketSerializer() {
        this(false);
    }

    private TicketSerializer(boolean unwrapped) {
        this.unwrapped = unwrapped;
    }

    @Override
    public void serialize(Ticket t, JsonGenerator g, SerializationContext ctx) {
        if (!unwrapped) {
            g.writeStartObject(t);
        }
        g.writeName(ID);
        g.writeString(t.id().toString());
        text(g, CUSTOMER_ID, t.customerId());
        text(g, CUSTOMER_EMAIL, t.customerEmail());
        text(g, CUSTOMER_NAME, t.customerName());
        text(g, SUBJECT, t.subject());
        text(g, DESCRIPTION, t.description());
        label(g, CATEGORY, t.category());
        label(g, PRIORITY, t.priority());
        label(g, STATUS, t.status());
        g.writeName(TAGS);
        strings(g, t.tags());
        text(g, ASSIGNED_TO, t.assignedTo());
        g.writeName(METADATA);
        g.writeStartObject();
        label(g, SOURCE, t.metadata().source());
        text(g, BROWSER, t.metadata().browser());
        label(g, DEVICE_TYPE, t.metadata().deviceType());
        g.writeEndObject();
        time(g, CREATED_AT, t.createdAt());
        time(g, UPDATED_AT, t.updatedAt());
        time(g, RESOLVED_AT, t.resolvedAt());
        time(g, FIRST_RESPONSE_AT, t.firstResponseAt());
        time(g, LAST_COMMENT_AT, t.lastCommentAt());
        g.writeName(COMMENT_COUNT);
        g.writeNumber(t.commentCount());
        UUID merged = t.mergedInto();
        text(g, MERGED_INTO, merged == null ? null : merged.toString());
        g.writeName(SLA);
        sla(g, t.sla());
        g.writeName(CLASSIFICATION);
        TicketClassification classification = t.classification();
        if (classification == null) {
            g.writeNull();
        } else {
            classification.write(g, ctx);
        }
        g.writeName(VERSION);
        g.writeNumber(t.version());
        if (!unwrapped) {
            g.writeEndObject();
        }
    }

    @Override
    public ValueSerializer<Ticket> unwrappingSerializer(NameTransformer names) {
        return new TicketSerializer(true);
    }

    @Override
    public boolean isUnwrappingSerializer() {
        return unwrapped;
    }

    private static void sla(JsonGenerator g, Sla sla) {
        if (sla == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        time(g, FIRST_RESPONSE_DUE_AT, sla.firstResponseDueAt());
        time(g, RESOLUTION_DUE_AT, sla.resolutionDueAt());
        g.writeName(BREACHED);
        strings(g, sla.breached());
        g.writeName(PAUSED);
        g.writeBoolean(sla.paused());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializableString name, String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void label(JsonGenerator g, SerializableString name, Labelled value) {
        text(g, name, value == null ? null : value.value());
    }

    private static void time(JsonGenerator g, SerializableString name, Instant value) {
        text(g, name, value == null ? null : Timestamps.format(value));
    }

    private static void strings(JsonGenerator g, List<String> values) {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray(values, values.size());
        for (String value : values) {
            if (value == null) {
                g.writeNull();
            } else {
                g.writeString(value);
            }
        }
        g.writeEndArray();
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
