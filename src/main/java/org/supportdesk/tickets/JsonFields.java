package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;
import tools.jackson.databind.JsonNode;

/**
 * Reads the typed fields of one ticket body (a JSON object), collecting each problem with its
 * place instead of failing on the first: strict types as in Pydantic, labels of the enums, and
 * text that every database stores exactly as it was sent.
 */
final class JsonFields {

    static final List<String> REQUIRED =
            List.of("customer_id", "customer_email", "customer_name", "subject", "description");
    static final Set<String> WRITABLE = Set.of(
            "customer_id",
            "customer_email",
            "customer_name",
            "subject",
            "description",
            "category",
            "priority",
            "status",
            "tags",
            "assigned_to",
            "metadata");
    // Read-only fields a client may echo back from a GET; they are ignored, not refused.
    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "created_at",
            "updated_at",
            "resolved_at",
            "version",
            "classification",
            "first_response_at",
            "last_comment_at",
            "comment_count",
            "merged_into",
            "sla");
    private static final Set<String> METADATA = Set.of("source", "browser", "device_type");

    private final JsonNode body;
    private final List<Problem> problems;

    JsonFields(JsonNode body, List<Problem> problems) {
        this.body = body;
        this.problems = problems;
    }

    void refuseUnknown() {
        refuseUnknown(Set.of());
    }

    /** Refuses every field that is neither writable, read-only nor one of {@code alsoKnown}. */
    void refuseUnknown(Set<String> alsoKnown) {
        for (String name : body.propertyNames()) {
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name) && !alsoKnown.contains(name)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", name));
            }
        }
    }

    /** Trimmed; an optional field that is null, absent or blank is null. */
    String string(String field, boolean required) {
        return text(body.get(field), required, field);
    }

    private String text(JsonNode node, boolean required, Object... loc) {
        if (node == null || node.isNull()) {
            if (required && node != null) {
                problems.add(Problem.body("Input should be a valid string", "string_type", loc));
            }
            return null;
        }
        if (!node.isString()) {
            problems.add(Problem.body("Input should be a valid string", "string_type", loc));
            return null;
        }
        String value = node.asString().strip();
        Problem refused = StorableText.check(value, loc);
        if (refused != null) {
            problems.add(refused);
            return null;
        }
        return value.isEmpty() && !required ? null : value;
    }

    <E extends Enum<E> & Labelled> E label(String field, E[] values, boolean required) {
        return label(body.get(field), values, required, field);
    }

    private <E extends Enum<E> & Labelled> E label(JsonNode node, E[] values, boolean required, Object... loc) {
        if (node == null || (node.isNull() && !required)) {
            return null;
        }
        E value = node.isString() ? Labelled.parse(values, node.asString()) : null;
        if (value == null) {
            problems.add(Problem.body(Labelled.expectation(values), "enum", loc));
        }
        return value;
    }

    /** Trimmed, duplicates dropped, order kept; absent is empty, and so is null unless {@code required}. */
    List<String> tags(boolean required) {
        JsonNode node = body.get("tags");
        if (node == null || node.isNull() && !required) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(Problem.body("Input should be a valid list", "list_type", "tags"));
            return List.of();
        }
        var tags = new LinkedHashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            String tag = text(node.get(i), true, "tags", i);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return new ArrayList<>(tags);
    }

    /** The metadata object over {@code base}: keys left out keep their value, so a PATCH can change one. */
    Metadata metadata(Metadata base) {
        JsonNode node = body.get("metadata");
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            problems.add(Problem.body("Input should be a valid dictionary", "dict_type", "metadata"));
            return base;
        }
        for (String name : node.propertyNames()) {
            if (!METADATA.contains(name)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", "metadata", name));
            }
        }
        Source source = node.has("source")
                ? label(node.get("source"), Source.values(), true, "metadata", "source")
                : base.source();
        String browser = node.has("browser") ? text(node.get("browser"), false, "metadata", "browser") : base.browser();
        DeviceType device = node.has("device_type")
                ? label(node.get("device_type"), DeviceType.values(), false, "metadata", "device_type")
                : base.deviceType();
        return new Metadata(source, browser, device);
    }
}
