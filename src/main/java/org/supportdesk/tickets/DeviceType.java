package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** The customer's device. */
public enum DeviceType implements Labelled {
    DESKTOP("desktop"),
    MOBILE("mobile"),
    TABLET("tablet");

    private static final DeviceType[] ALL = values();

    private final String value;

    DeviceType(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static DeviceType parse(String value) {
        return Labelled.parse(ALL, value);
    }
}
