package org.supportdesk.tickets;

import java.util.HashSet;
import java.util.Set;

/**
 * The `If-Match` precondition: absent (always matches), `*`, or a list of versions given as
 * entity tags (`"3"`, `W/"3"`) or bare numbers (`3`). Anything else matches no version.
 */
record IfMatch(Set<Integer> versions, boolean any) {

    static final IfMatch NONE = new IfMatch(Set.of(), true);

    static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        var versions = new HashSet<Integer>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                return NONE;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                versions.add(Integer.parseInt(tag));
            } catch (NumberFormatException ignored) {
                // An entity tag we never issued: it matches nothing.
            }
        }
        return new IfMatch(Set.copyOf(versions), false);
    }

    boolean given() {
        return !any;
    }

    boolean matches(int version) {
        return any || versions.contains(version);
    }
}
