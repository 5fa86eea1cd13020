package org.supportdesk.system;

import java.util.List;

/** One entry of a 422 `detail` list, shaped like FastAPI's validation errors. */
public record Problem(List<Object> loc, String msg, String type) {

    public static Problem body(String msg, String type, Object... path) {
        var loc = new java.util.ArrayList<Object>(path.length + 1);
        loc.add("body");
        loc.addAll(List.of(path));
        return new Problem(List.copyOf(loc), msg, type);
    }

    public static Problem query(String name, String msg, String type) {
        return new Problem(List.of("query", name), msg, type);
    }

    /** "customer_email: value is not a valid email address", as import results report it. */
    public String asFieldMessage() {
        var field = new StringBuilder();
        for (Object part : loc) {
            if ("body".equals(part)) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append(part instanceof Integer ? "" : ".");
            }
            field.append(part instanceof Integer i ? "[" + i + "]" : part);
        }
        return field.isEmpty() ? msg : field + ": " + msg;
    }
}
