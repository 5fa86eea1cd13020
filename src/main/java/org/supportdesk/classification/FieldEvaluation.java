package org.supportdesk.classification;

/**
 * One field's scores on labelled examples: the rules alone, the model alone, and the combination, which takes the
 * model's label where {@link ModelOrRules} let the model decide.
 */
public final class FieldEvaluation {

    private final Field field;
    private final Confusion rules;
    private final Confusion model;
    private final Confusion combined;
    private int modelDecisions;

    FieldEvaluation(Field field) {
        this.field = field;
        this.rules = new Confusion(field.labels());
        this.model = new Confusion(field.labels());
        this.combined = new Confusion(field.labels());
    }

    public Field field() {
        return field;
    }

    /** The rules alone. */
    public Confusion rules() {
        return rules;
    }

    /** The model alone. */
    public Confusion model() {
        return model;
    }

    /** The model where {@link ModelOrRules} chose it, the rules elsewhere: what the service does. */
    public Confusion combined() {
        return combined;
    }

    /** How many examples were scored for this field (those with a label for it). */
    public int examples() {
        return rules.total();
    }

    /** How many of them the combination took from the model. */
    public int modelDecisions() {
        return modelDecisions;
    }

    void add(String given, String byRules, String byModel, FieldDecision combination) {
        rules.add(given, byRules);
        model.add(given, byModel);
        combined.add(given, combination.label());
        modelDecisions += combination.byModel() ? 1 : 0;
    }

    void addAll(FieldEvaluation other) {
        rules.addAll(other.rules);
        model.addAll(other.model);
        combined.addAll(other.combined);
        modelDecisions += other.modelDecisions;
    }
}
