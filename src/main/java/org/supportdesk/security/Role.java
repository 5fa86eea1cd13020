package org.supportdesk.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a key may do. Each role includes the rights of those before it. */
enum Role {
    /** Reads tickets, their history, comments, attachments and statistics. */
    VIEWER,
    /** Also creates and updates tickets, comments on them, edits comments, merges and classifies one ticket. */
    AGENT,
    /** Also deletes tickets and comments, imports, classifies all tickets and manages keys. */
    ADMIN;

    boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role with that label, or null */
    static Role parse(String label) {
        for (Role role : values()) {
            if (role.value().equals(label)) {
                return role;
            }
        }
        return null;
    }
}
