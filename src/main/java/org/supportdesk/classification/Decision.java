package org.supportdesk.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The combined classification of one ticket: per field the model's or the rules' choice, and the rules' own result
 * (whose keywords stay the ticket's {@code keywords_found}).
 */
public record Decision(Classification rules, FieldDecision category, FieldDecision priority) {

    public FieldDecision get(Field field) {
        return field == Field.CATEGORY ? category : priority;
    }

    /** {@code "model"} when the model decided either field, else {@code "rules"}. */
    public String method() {
        return category.byModel() || priority.byModel() ? FieldDecision.MODEL : FieldDecision.RULES;
    }

    /**
     * One sentence a person can read. The rules' own sentence when they decided both fields; otherwise, e.g.: {@code
     * Model: "refund" and "charged twice" point to billing_question (0.91); "asap" points to priority high (0.77).}
     */
    public String reasoning() {
        if (!category.byModel() && !priority.byModel()) {
            return rules.reasoning();
        }
        StringBuilder out = new StringBuilder(160);
        if (category.byModel()) {
            out.append("Model: ");
            model(out, category, category.label());
            out.append("; ");
            if (priority.byModel()) {
                model(out, priority, "priority " + priority.label());
            } else {
                out.append("priority ").append(priority.label()).append(" by the rules");
            }
        } else {
            out.append("Category ").append(category.label()).append(" by the rules");
            if (!category.words().isEmpty()) {
                out.append(" (");
                quoted(out, category.words());
                out.append(')');
            }
            out.append("; model: ");
            model(out, priority, "priority " + priority.label());
        }
        return out.append('.').toString();
    }

    private static void model(StringBuilder out, FieldDecision decision, String what) {
        String p = twoDecimals(decision.confidence());
        if (decision.words().isEmpty()) {
            out.append(what)
                    .append(" from the team's earlier tickets (")
                    .append(p)
                    .append(')');
            return;
        }
        quoted(out, decision.words());
        out.append(decision.words().size() == 1 ? " points to " : " point to ")
                .append(what)
                .append(" (")
                .append(p)
                .append(')');
    }

    /**
     * As {@code String.format("%.2f")} rounds (half up, from the shortest decimal form of the double), without the
     * Formatter: parsing its pattern and finding the locale's symbols was a fifth of a model decision's time, and most
     * of the code the JIT compiled during the first classify-all.
     */
    static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void quoted(StringBuilder out, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.append(i == words.size() - 1 ? " and " : ", ");
            }
            out.append('"').append(words.get(i)).append('"');
        }
    }
}
