package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a ticket is in its life. */
public enum Status implements Labelled {
    NEW("new"),
    IN_PROGRESS("in_progress"),
    WAITING_CUSTOMER("waiting_customer"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private static final Status[] ALL = values();

    private final String value;

    Status(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static Status parse(String value) {
        return Labelled.parse(ALL, value);
    }
}
