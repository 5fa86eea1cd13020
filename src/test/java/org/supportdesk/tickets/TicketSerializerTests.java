package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Timestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The hand-written ticket JSON against Jackson's own serialization of the record, on a mapper set
 * up as application.properties and JsonConfig set up the service's (snake_case names, nulls
 * written, RFC 3339 timestamps).
 */
class TicketSerializerTests {

    private static final Instant AT = Instant.parse("2026-11-27T14:39:23.921Z");

    private final JsonMapper mapper = mapper().build();
    private final JsonMapper jackson =
            mapper().addMixIn(Ticket.class, JacksonsOwn.class).build();
    private final TicketJson store = new TicketJson(mapper);

    @JsonSerialize(using = ValueSerializer.None.class)
    private abstract static class JacksonsOwn {}

    @Test
    void aTicketWithEveryFieldSetIsWrittenAsJacksonWritesTheRecord() {
        Ticket full = new TicketBuilder().everything().build();

        assertThat(mapper.writeValueAsString(full)).isEqualTo(jackson.writeValueAsString(full));
    }

    @Test
    void aTicketWithEveryOptionalFieldLeftOutIsWrittenAsJacksonWritesTheRecord() {
        Ticket bare = new TicketBuilder().build();

        assertThat(mapper.writeValueAsString(bare))
                .isEqualTo(jackson.writeValueAsString(bare))
                .contains("\"assigned_to\":null", "\"classification\":null", "\"device_type\":null");
    }

    @Test
    void aStoredClassificationIsWrittenAsItWasStored() {
        var decided = TicketClassification.of(new TicketBuilder().decision());
        Ticket fresh = new TicketBuilder().classification(decided).build();
        Ticket stored = new TicketBuilder()
                .classification(store.classification(store.write(decided)))
                .build();

        assertThat(mapper.writeValueAsString(stored))
                .isEqualTo(mapper.writeValueAsString(fresh))
                .isEqualTo(jackson.writeValueAsString(fresh));
    }

    @Test
    void aSearchHitWritesTheTicketsFieldsBesideItsOwn() {
        Hit hit = new Hit(new TicketBuilder().everything().build(), "<mark>refund</mark> please", 1.5);

        assertThat(mapper.writeValueAsString(hit)).isEqualTo(jackson.writeValueAsString(hit));
    }

    private static JsonMapper.Builder mapper() {
        var instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(Timestamps.format(value));
            }
        });
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(instants);
    }

    /** A ticket with only what every ticket has, and setters for the rest. */
    private static final class TicketBuilder {

        private List<String> tags = List.of();
        private String assignedTo;
        private Metadata metadata = Metadata.DEFAULT;
        private Instant resolvedAt;
        private Instant firstResponseAt;
        private Instant lastCommentAt;
        private int commentCount;
        private UUID mergedInto;
        private Sla sla = new Sla(AT.plusSeconds(3600), AT.plusSeconds(86400), List.of(), false, null, 0);
        private TicketClassification classification;

        TicketBuilder everything() {
            var odd = new ArrayList<String>(List.of("vip", "quote \" and \\ back", "日本語 🎫", "nul\u0000"));
            tags = odd;
            assignedTo = "agent@example.com";
            metadata = new Metadata(Source.EMAIL, "Firefox \"124\"", DeviceType.MOBILE);
            resolvedAt = AT.plusSeconds(7200);
            firstResponseAt = AT.plusSeconds(60);
            lastCommentAt = AT.plusSeconds(120);
            commentCount = 3;
            mergedInto = UUID.fromString("00000000-0000-4000-8000-000000000042");
            sla = new Sla(AT, AT.plusSeconds(60), List.of("first_response", "resolution"), true, AT, 5);
            classification = TicketClassification.of(decision());
            return this;
        }

        TicketBuilder classification(TicketClassification classification) {
            this.classification = classification;
            return this;
        }

        ClassificationInfo decision() {
            return new ClassificationInfo(
                    Category.BILLING_QUESTION,
                    Priority.HIGH,
                    0.87,
                    "Matched \"refund\" – café",
                    List.of("refund", "charged"),
                    "model",
                    AT);
        }

        Ticket build() {
            return new Ticket(
                    UUID.fromString("5c9899cd-8b06-42a4-a8e8-0a8677efca7a"),
                    "CUST-1",
                    "heidi@example.com",
                    "Heidi \"H\" Davis",
                    "Refund <please>",
                    "Line one\nline two\ttabbed, ünïcödé and \u2028 separators",
                    Category.BILLING_QUESTION,
                    Priority.URGENT,
                    Status.IN_PROGRESS,
                    tags,
                    assignedTo,
                    metadata,
                    AT,
                    AT.plusMillis(1),
                    resolvedAt,
                    firstResponseAt,
                    lastCommentAt,
                    commentCount,
                    mergedInto,
                    sla,
                    classification,
                    7,
                    Origin.PERSON,
                    Origin.CLASSIFIER,
                    new Actor("someone", null));
        }
    }
}
