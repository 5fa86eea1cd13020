package org.supportdesk.tickets;

/** Who set a ticket's category or priority: automatic runs never overwrite a person. */
public enum Origin {
    PERSON,
    CLASSIFIER;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Origin parse(String value) {
        return "person".equals(value) ? PERSON : CLASSIFIER;
    }
}
