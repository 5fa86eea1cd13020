package org.supportdesk.classification;

/**
 * One field's scores on labelled examples: the rules alone, the model alone, and the combination, which takes the
 * model's label where {@link ModelOrRules} let the model decide.
 *
 * @param decidedByModel how many of the examples the combination took from the model
 */
public record FieldEvaluation(Field field, Confusion rules, Confusion model, Confusion combined, int[] decidedByModel) {

    static FieldEvaluation empty(Field field) {
        return new FieldEvaluation(
                field,
                new Confusion(field.labels()),
                new Confusion(field.labels()),
                new Confusion(field.labels()),
                new int[1]);
    }

    public int examples() {
        return rules.total();
    }

    /** How many examples the combination took from the model. */
    public int modelDecisions() {
        return decidedByModel[0];
    }

    void add(String given, String byRules, String byModel, FieldDecision combination) {
        rules.add(given, byRules);
        model.add(given, byModel);
        combined.add(given, combination.label());
        decidedByModel[0] += combination.byModel() ? 1 : 0;
    }

    void addAll(FieldEvaluation other) {
        rules.addAll(other.rules);
        model.addAll(other.model);
        combined.addAll(other.combined);
        decidedByModel[0] += other.decidedByModel[0];
    }
}
