package org.supportdesk.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The body of `POST /webhooks` and `PATCH /webhooks/{id}`, checked field by field with every
 * problem reported at once (422), as the rest of the API does. A field left out is null.
 */
record WebhookInput(String url, List<String> events, String secret, Boolean enabled) {

    static final int MAX_URL = 2000;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final Set<String> FIELDS = Set.of("url", "events", "secret", "enabled");

    /** For a new webhook {@code url} and {@code events} are required; a patch may give any. */
    static WebhookInput bind(JsonNode body, boolean creating) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequest(new Problem(List.of("body"), "Field required", "missing"));
        }
        if (!body.isObject()) {
            throw new InvalidRequest(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
        var problems = new ArrayList<Problem>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", field));
            }
        }
        String url = text(body, "url", creating, 1, MAX_URL, problems);
        List<String> events = events(body.get("events"), creating, problems);
        String secret = text(body, "secret", false, MIN_SECRET, MAX_SECRET, problems);
        Boolean enabled = null;
        JsonNode on = body.get("enabled");
        if (on != null && !on.isNull()) {
            if (on.isBoolean()) {
                enabled = on.asBoolean();
            } else {
                problems.add(Problem.body("Input should be a valid boolean", "bool_type", "enabled"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new WebhookInput(url, events, secret, enabled);
    }

    private static String text(
            JsonNode body, String field, boolean required, int min, int max, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(Problem.body("Field required", "missing", field));
            }
            return null;
        }
        if (!node.isString()) {
            problems.add(Problem.body("Input should be a valid string", "string_type", field));
            return null;
        }
        String value = node.asString().trim();
        if (value.length() < min) {
            problems.add(Problem.body(
                    "String should have at least " + min + " character" + (min == 1 ? "" : "s"),
                    "string_too_short",
                    field));
        } else if (value.length() > max) {
            problems.add(Problem.body("String should have at most " + max + " characters", "string_too_long", field));
        }
        return value;
    }

    private static List<String> events(JsonNode node, boolean required, List<Problem> problems) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(Problem.body("Field required", "missing", "events"));
            }
            return null;
        }
        if (!node.isArray()) {
            problems.add(Problem.body("Input should be a valid list", "list_type", "events"));
            return null;
        }
        if (node.isEmpty()) {
            problems.add(Problem.body("List should have at least 1 item", "too_short", "events"));
            return null;
        }
        var events = new LinkedHashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || EventType.of(item.asString()).isEmpty()) {
                problems.add(Problem.body("Input should be " + EventType.names(), "enum", "events", i));
            } else {
                events.add(item.asString());
            }
        }
        return List.copyOf(events);
    }
}
