package org.supportdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ticket page's field form: what the agent changed, compared with the values the page showed
 * them (`was_*`), as a PATCH body. Only changed fields are sent, so a field left alone stays as
 * whoever set it (a category the classifier chose stays the classifier's).
 */
public record TicketEdit(Map<String, String> values, Map<String, String> was, int version, long seenAt) {

    static final List<String> FIELDS = List.of("status", "priority", "category", "assigned_to", "tags");

    static TicketEdit of(MultiValueMap<String, String> form) {
        var values = new LinkedHashMap<String, String>();
        var was = new LinkedHashMap<String, String>();
        for (String field : FIELDS) {
            if (form.containsKey(field)) {
                values.put(field, clean(form.getFirst(field)));
                was.put(field, clean(form.getFirst("was_" + field)));
            }
        }
        return new TicketEdit(values, was, number(form.getFirst("version")), longNumber(form.getFirst("seen_at")));
    }

    private static String clean(String value) {
        return value == null ? "" : value.trim();
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long longNumber(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The fields whose value differs from what the page showed. */
    public Map<String, String> changed() {
        var changed = new LinkedHashMap<String, String>();
        values.forEach((field, value) -> {
            if (!value.equals(was.get(field)) && !(field.equals("tags") && sameTags(value, was.get(field)))) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    private static boolean sameTags(String a, String b) {
        return Forms.tags(a).equals(Forms.tags(b));
    }

    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        changed().forEach((field, value) -> {
            if (field.equals("tags")) {
                var tags = body.putArray("tags");
                Forms.tags(value).forEach(tags::add);
            } else if (value.isEmpty() && field.equals("assigned_to")) {
                body.putNull(field);
            } else {
                body.put(field, value);
            }
        });
        return body;
    }
}
