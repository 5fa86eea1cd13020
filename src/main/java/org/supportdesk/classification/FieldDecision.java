package org.supportdesk.classification;

import java.util.List;

/**
 * Who decided one field of a ticket and why.
 *
 * @param label the chosen category or priority
 * @param method {@code "model"} or {@code "rules"}
 * @param confidence the model's probability, or the rules' confidence: measured on the team's examples when there is
 *     a model, the rules' own formula otherwise
 * @param words the model's strongest words for the label, or the rules' keywords found
 */
public record FieldDecision(String label, String method, double confidence, List<String> words) {

    public static final String MODEL = "model";
    public static final String RULES = "rules";

    public FieldDecision {
        words = List.copyOf(words);
    }

    public boolean byModel() {
        return MODEL.equals(method);
    }
}
