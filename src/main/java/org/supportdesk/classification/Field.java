package org.supportdesk.classification;

import java.util.List;

/** The two things a ticket is classified by; the model learns one classifier per field. */
public enum Field {
    CATEGORY(RuleSet.CATEGORIES),
    PRIORITY(RuleSet.PRIORITIES);

    private final List<String> labels;

    Field(List<String> labels) {
        this.labels = labels;
    }

    /** The labels in their documented order (SPEC §1; priorities most pressing first). */
    public List<String> labels() {
        return labels;
    }

    /** The rules' choice for this field. */
    public String of(Classification rules) {
        return this == CATEGORY ? rules.category() : rules.priority();
    }

    /** The name used in reports and JSON: {@code category} or {@code priority}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
