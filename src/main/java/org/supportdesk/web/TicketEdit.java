package org.supportdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
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
        return new TicketEdit(values, was, version(form.getFirst("version")), seenAt(form.getFirst("seen_at")));
    }

    private static String clean(String value) {
        return value == null ? "" : value.trim();
    }

    /**
     * The version the page showed, which the change is sent with (If-Match). The page always sends
     * it, so a form without a number there is hand-made or broken; it was read as version 0, and
     * the agent got the panel of someone else's changes ("you were editing version 0") for a
     * ticket nobody had touched. Now it is the form's error, and nothing is saved.
     */
    private static int version(String value) {
        try {
            int version = Integer.parseInt(value == null ? "" : value.trim());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw malformed("version is not a version number");
    }

    /** When the page was loaded (epoch milliseconds): the conflict panel lists what others did since. */
    private static long seenAt(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw malformed("seen_at is not a number");
        }
    }

    /** An error of the whole form (shown under it), not of a field the agent can correct. */
    private static InvalidRequest malformed(String what) {
        return new InvalidRequest(List.of(new Problem(
                List.of("body"),
                "The form's " + what + ": it comes with the page, so this form was changed or is broken."
                        + " Reload the ticket and make your changes again.",
                "form_malformed")));
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
