package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** How soon a ticket needs an answer; declared from least to most urgent, so ordinal() ranks it. */
public enum Priority implements Labelled {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    URGENT("urgent");

    private static final Priority[] ALL = values();

    private final String value;

    Priority(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static Priority parse(String value) {
        return Labelled.parse(ALL, value);
    }
}
