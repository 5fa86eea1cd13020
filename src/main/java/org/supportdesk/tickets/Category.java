package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a ticket is about. */
public enum Category implements Labelled {
    ACCOUNT_ACCESS("account_access"),
    TECHNICAL_ISSUE("technical_issue"),
    BILLING_QUESTION("billing_question"),
    FEATURE_REQUEST("feature_request"),
    BUG_REPORT("bug_report"),
    OTHER("other");

    private static final Category[] ALL = values();

    private final String value;

    Category(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static Category parse(String value) {
        return Labelled.parse(ALL, value);
    }
}
