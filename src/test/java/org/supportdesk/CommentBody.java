package org.supportdesk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A comment's request body for tests, valid unless a test makes it otherwise:
 * {@code aReply("Thanks, fixed").build()}, {@code aNote("Check the logs").build()}, {@code
 * aCustomerMessage("Still broken").build()}.
 */
public final class CommentBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private CommentBody(String body) {
        fields.put("body", body);
    }

    /** A public reply of an agent (the defaults, written out). */
    public static CommentBody aReply(String body) {
        return new CommentBody(body).with("visibility", "public").with("author_type", "agent");
    }

    /** An internal note of an agent. */
    public static CommentBody aNote(String body) {
        return new CommentBody(body).with("visibility", "internal").with("author_type", "agent");
    }

    /** A message of the customer (always public). */
    public static CommentBody aCustomerMessage(String body) {
        return new CommentBody(body).with("author_type", "customer");
    }

    /** Any field set to any JSON value, valid or not. */
    public CommentBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public CommentBody without(String field) {
        fields.remove(field);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
