package org.supportdesk.classification;

/**
 * Decides each field of a ticket by the model or by the rules (issue 14): the model decides a field when it learned
 * that field from at least {@code minExamples} examples and its probability beats the rules' confidence, measured on
 * the same examples ({@link TrainedModel#rulesConfidence}); otherwise the rules decide, as they do without a model.
 * Immutable and safe to share between threads.
 */
public final class ModelOrRules {

    /** The default for {@code supportdesk.classifier.min-examples}. */
    public static final int DEFAULT_MIN_EXAMPLES = 100;

    private final Classifier rules;
    private final TrainedModel model;
    private final int minExamples;

    /** @param model {@code null} for rules only */
    public ModelOrRules(Classifier rules, TrainedModel model, int minExamples) {
        if (minExamples < 1) {
            throw new IllegalArgumentException("minExamples must be at least 1");
        }
        this.rules = rules;
        this.model = model;
        this.minExamples = minExamples;
    }

    public Decision decide(String subject, String description) {
        return decide(subject, description, model == null ? null : model.score(subject, description));
    }

    /** The decision for a ticket the model has just scored ({@code null} without a model). */
    Decision decide(String subject, String description, TrainedModel.Scored scored) {
        Classification c = rules.classify(subject, description);
        return new Decision(c, choose(Field.CATEGORY, c, scored), choose(Field.PRIORITY, c, scored));
    }

    /** The model's choice when it may decide and is surer than the rules; its words are found only then. */
    private FieldDecision choose(Field field, Classification c, TrainedModel.Scored scored) {
        if (model == null) {
            return new FieldDecision(field.of(c), FieldDecision.RULES, c.confidence(), c.keywordsFound());
        }
        double rulesConfidence = model.rulesConfidence(field, c);
        if (scored.has(field) && model.examples(field) >= minExamples && scored.probability(field) > rulesConfidence) {
            return new FieldDecision(
                    scored.label(field), FieldDecision.MODEL, scored.probability(field), scored.topWords(field));
        }
        return new FieldDecision(field.of(c), FieldDecision.RULES, rulesConfidence, c.keywordsFound());
    }
}
