package org.supportdesk.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may see a comment: the customer too (a reply), or only the team (an internal note). */
enum Visibility {
    PUBLIC,
    INTERNAL;

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the visibility with that label, or null */
    static Visibility parse(String label) {
        for (Visibility v : values()) {
            if (v.value().equals(label)) {
                return v;
            }
        }
        return null;
    }
}
