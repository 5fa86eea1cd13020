package org.supportdesk.search;

import java.util.Locale;

/**
 * A field of a search query, such as {@code status:new} or {@code created>2026-01-01}: the field,
 * how it compares, the value as written, and where it starts in the query (1-based, in characters),
 * so that a value the field does not take can be reported at its place.
 */
public record FieldTerm(Field field, Comparison comparison, String value, int position) {

    /** The fields a query may name, written in lower case before the colon. */
    public enum Field {
        STATUS,
        PRIORITY,
        CATEGORY,
        ASSIGNEE,
        TAG,
        CUSTOMER,
        CREATED,
        UPDATED,
        SLA;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Only dates compare: {@code created>2026-01-01}; the others take {@code :} alone. */
        boolean ordered() {
            return this == CREATED || this == UPDATED;
        }

        static Field of(String label) {
            for (Field f : values()) {
                if (f.label().equals(label)) {
                    return f;
                }
            }
            return null;
        }
    }

    public enum Comparison {
        IS(":"),
        AFTER(">"),
        FROM(">="),
        BEFORE("<"),
        UNTIL("<=");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** As the user wrote it: {@code created>=2026-01-01}. */
    @Override
    public String toString() {
        return field.label() + comparison.symbol + value;
    }
}
