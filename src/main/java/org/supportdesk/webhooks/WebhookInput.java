package org.supportdesk.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;
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

    /**
     * For a new webhook {@code url} and {@code events} are required; a patch may give any. Null is no
     * value for any field (a 422, as in a ticket's PATCH), except in a new webhook's optional
     * {@code secret} and {@code enabled}, where it means the default.
     */
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
        String url = url(body.get("url"), creating, problems);
        List<String> events = events(body.get("events"), creating, problems);
        String secret = secret(body.get("secret"), creating, problems);
        Boolean enabled = null;
        JsonNode on = body.get("enabled");
        if (on != null && !(on.isNull() && creating)) {
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

    /** Spaces around it are dropped; a control character anywhere is refused, never dropped. */
    private static String url(JsonNode node, boolean creating, List<Problem> problems) {
        String value = string(node, "url", creating, false, problems);
        if (value == null) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.body(
                    "URL should not contain control characters (U+0000 to U+001F, U+007F to U+009F)",
                    "url_parsing",
                    "url"));
            return null;
        }
        value = value.strip();
        return length(value, "url", 1, MAX_URL, problems) ? value : null;
    }

    /**
     * The HMAC key, exactly as given: the receiver keys its check with the same text, so nothing is
     * trimmed or replaced. What would change it (spaces around it, control characters) is refused.
     */
    private static String secret(JsonNode node, boolean creating, List<Problem> problems) {
        String value = string(node, "secret", false, creating, problems);
        if (value == null) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl) || !value.equals(value.strip())) {
            problems.add(Problem.body(
                    "Secret should not contain control characters nor start or end with a space",
                    "value_error",
                    "secret"));
            return null;
        }
        return length(value, "secret", MIN_SECRET, MAX_SECRET, problems) ? value : null;
    }

    /** The field's text when it is one the databases store as sent; null (with its problem) if not. */
    private static String string(
            JsonNode node, String field, boolean required, boolean nullMeansAbsent, List<Problem> problems) {
        if (node == null || node.isNull() && nullMeansAbsent) {
            if (required) {
                problems.add(Problem.body("Field required", "missing", field));
            }
            return null;
        }
        if (!node.isString()) {
            problems.add(Problem.body("Input should be a valid string", "string_type", field));
            return null;
        }
        String value = node.asString();
        Problem unstorable = StorableText.check(value, field);
        if (unstorable != null) {
            problems.add(unstorable);
            return null;
        }
        return value;
    }

    /** Lengths count characters (code points), as everywhere in the API: an emoji is one. */
    private static boolean length(String value, String field, int min, int max, List<Problem> problems) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            problems.add(Problem.body(
                    "String should have at least " + min + " character" + (min == 1 ? "" : "s"),
                    "string_too_short",
                    field));
            return false;
        }
        if (length > max) {
            problems.add(Problem.body("String should have at most " + max + " characters", "string_too_long", field));
            return false;
        }
        return true;
    }

    private static List<String> events(JsonNode node, boolean required, List<Problem> problems) {
        if (node == null) {
            if (required) {
                problems.add(Problem.body("Field required", "missing", "events"));
            }
            return null;
        }
        if (!node.isArray()) { // null too: a webhook without events would send nothing
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
