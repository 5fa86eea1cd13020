package org.supportdesk.imports;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Field names of a {@code POST /tickets} body and the small reshaping all formats share. */
final class TicketFields {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String METADATA = "metadata";
    static final String TAGS = "tags";
    static final List<String> REQUIRED =
            List.of("customer_id", "customer_email", "customer_name", "subject", "description");
    static final List<String> METADATA_KEYS = List.of("source", "browser", "device_type");

    private TicketFields() {}

    static boolean isMetadataKey(String name) {
        return name.equals("source") || name.equals("browser") || name.equals("device_type");
    }

    /**
     * Moves flat {@code source}, {@code browser} and {@code device_type} into {@code metadata}. The
     * same key in both places with different values is this record's problem (returned), not a
     * silent choice. When {@code metadata} is there but not an object, nothing moves and the
     * validator reports the wrong type.
     */
    static String liftMetadata(ObjectNode ticket) {
        String problem = null;
        for (String key : METADATA_KEYS) {
            JsonNode flat = ticket.get(key);
            if (flat == null) {
                continue;
            }
            JsonNode metadata = ticket.get(METADATA);
            if (metadata == null || metadata.isNull()) {
                metadata = ticket.putObject(METADATA);
            }
            if (!(metadata instanceof ObjectNode nested)) {
                return null;
            }
            JsonNode inside = nested.get(key);
            if (inside == null) {
                nested.set(key, ticket.remove(key));
            } else if (inside.equals(flat)) {
                ticket.remove(key);
            } else if (problem == null) {
                problem = key + ": given both directly and inside metadata, with different values";
            }
        }
        return problem;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Splits "a, b,,c" into ["a","b","c"]: trimmed, empty pieces dropped. A JSON array of strings
     * (["a,b", "c"]) is taken as it is: an export writes tags that way when one holds a comma.
     */
    static ArrayNode splitTags(String value) {
        if (value.startsWith("[")) {
            try {
                JsonNode array = JSON.readTree(value);
                if (array.isArray() && array.valueStream().allMatch(JsonNode::isString)) {
                    return (ArrayNode) array;
                }
            } catch (JacksonException notJson) {
                // A tag that starts with '[': split as usual.
            }
        }
        ArrayNode tags = NODES.arrayNode();
        int start = 0;
        int length = value.length();
        while (start <= length) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            String tag = value.substring(start, end).strip();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
            start = end + 1;
        }
        return tags;
    }
}
