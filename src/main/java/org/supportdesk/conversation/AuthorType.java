package org.supportdesk.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a comment: someone of the team, or the customer (through whatever integration posts it). */
enum AuthorType {
    AGENT,
    CUSTOMER;

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the author type with that label, or null */
    static AuthorType parse(String label) {
        for (AuthorType t : values()) {
            if (t.value().equals(label)) {
                return t;
            }
        }
        return null;
    }
}
