package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** The channel a ticket came in through. */
public enum Source implements Labelled {
    WEB_FORM("web_form"),
    EMAIL("email"),
    API("api"),
    CHAT("chat"),
    PHONE("phone");

    private static final Source[] ALL = values();

    private final String value;

    Source(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static Source parse(String value) {
        return Labelled.parse(ALL, value);
    }
}
