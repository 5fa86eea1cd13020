package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelOrRulesTests {

    private static final Classifier RULES = Classifier.withDefaultRules();
    /** 144 examples whose words the rules hardly know. */
    private static final List<Example> EXAMPLES = TrainingExamples.distinctWords(3);

    private static final TrainedModel MODEL = ModelTrainer.train(EXAMPLES, RULES);

    /** No rules keyword at all: the rules guess other/medium, the model knows these words. */
    private static final String SUBJECT = "Idea";

    private static final String DESCRIPTION = "Would love a calendar view, nice to have";

    @Test
    void withoutAModelTheRulesDecideAsToday() {
        Decision d = new ModelOrRules(RULES, null, 100).decide(SUBJECT, DESCRIPTION);
        Classification rules = RULES.classify(SUBJECT, DESCRIPTION);

        assertThat(d.category())
                .isEqualTo(new FieldDecision(rules.category(), "rules", rules.confidence(), rules.keywordsFound()));
        assertThat(d.priority().label()).isEqualTo(rules.priority());
        assertThat(d.method()).isEqualTo("rules");
        assertThat(d.reasoning()).isEqualTo(rules.reasoning());
    }

    @Test
    void theModelDecidesWhenItHasEnoughExamplesAndBeatsTheRulesConfidence() {
        Decision d = new ModelOrRules(RULES, MODEL, 100).decide(SUBJECT, DESCRIPTION);
        Prediction predicted = MODEL.predict(SUBJECT, DESCRIPTION).category();

        assertThat(predicted.probability())
                .isGreaterThan(MODEL.rulesConfidence(Field.CATEGORY, RULES.classify(SUBJECT, DESCRIPTION)));
        assertThat(d.category())
                .isEqualTo(
                        new FieldDecision("feature_request", "model", predicted.probability(), predicted.topWords()));
        assertThat(d.method()).isEqualTo("model");
    }

    @Test
    void tooFewExamplesForAFieldLeaveItToTheRules() {
        Decision d = new ModelOrRules(RULES, MODEL, EXAMPLES.size() + 1).decide(SUBJECT, DESCRIPTION);

        assertThat(d.category().method()).isEqualTo("rules");
        assertThat(d.priority().method()).isEqualTo("rules");
        assertThat(d.category().label())
                .isEqualTo(RULES.classify(SUBJECT, DESCRIPTION).category());
        assertThat(new ModelOrRules(RULES, MODEL, EXAMPLES.size())
                        .decide(SUBJECT, DESCRIPTION)
                        .category()
                        .method())
                .isEqualTo("model");
    }

    @Test
    void aFieldWithoutExamplesIsAlwaysTheRules() {
        List<Example> categoryOnly = EXAMPLES.stream()
                .map(e -> new Example(e.subject(), e.description(), e.category(), null))
                .toList();

        Decision d = new ModelOrRules(RULES, ModelTrainer.train(categoryOnly, RULES), 1).decide(SUBJECT, DESCRIPTION);

        assertThat(d.category().method()).isEqualTo("model");
        assertThat(d.priority().method()).isEqualTo("rules");
        assertThat(d.reasoning()).endsWith("priority " + d.priority().label() + " by the rules.");
    }

    @Test
    void theRulesKeepAFieldWhenTheyHaveBeenRightMoreOftenThanTheModelIsSure() {
        // Examples the rules label perfectly: their measured confidence approaches 1 and no probability beats it.
        List<Example> rulesAreRight = TrainingExamples.distinctWords(3).stream()
                .map(e -> {
                    Classification c = RULES.classify(e.subject(), e.description());
                    return new Example(e.subject(), e.description(), c.category(), c.priority());
                })
                .toList();
        TrainedModel model = ModelTrainer.train(rulesAreRight, RULES);
        // Words the model never saw: its probability stays near the prior, below the rules' record.
        String subject = "Xyzzy";
        String description = "plugh frobnicate";
        Classification rules = RULES.classify(subject, description);

        Decision d = new ModelOrRules(RULES, model, 1).decide(subject, description);

        assertThat(model.rulesConfidence(Field.CATEGORY, rules)).isGreaterThan(0.9);
        assertThat(model.predict(subject, description).category().probability())
                .isLessThan(model.rulesConfidence(Field.CATEGORY, rules));
        assertThat(d.category().method()).isEqualTo("rules");
        assertThat(d.category().label()).isEqualTo(rules.category());
        assertThat(d.category().confidence()).isEqualTo(model.rulesConfidence(Field.CATEGORY, rules));
        assertThat(d.category().words()).isEqualTo(rules.keywordsFound());
    }

    @Test
    void aModelDecisionExplainsItselfWithItsWordsAndProbability() {
        Decision d = new Decision(
                RULES.classify("Refund", "charged twice"),
                new FieldDecision("billing_question", "model", 0.912, List.of("refund", "charged twice")),
                new FieldDecision("high", "model", 0.77, List.of("asap")));

        assertThat(d.reasoning())
                .isEqualTo("Model: \"refund\" and \"charged twice\" point to billing_question (0.91);"
                        + " \"asap\" points to priority high (0.77).");
    }

    @Test
    void aMixedDecisionSaysWhichFieldTheRulesDecided() {
        Classification rules = RULES.classify("Refund", "charged twice");
        Decision d = new Decision(
                rules,
                new FieldDecision("billing_question", "rules", 0.8, List.of("refund", "charged twice")),
                new FieldDecision("urgent", "model", 0.64, List.of("whole team", "down", "outage")));

        assertThat(d.reasoning())
                .isEqualTo("Category billing_question by the rules (\"refund\" and \"charged twice\"); model:"
                        + " \"whole team\", \"down\" and \"outage\" point to priority urgent (0.64).");
        assertThat(new Decision(
                                rules,
                                new FieldDecision("other", "model", 0.5, List.of()),
                                new FieldDecision("low", "rules", 0.4, List.of()))
                        .reasoning())
                .isEqualTo("Model: other from the team's earlier tickets (0.50); priority low by the rules.");
    }

    @Test
    void minExamplesMustBePositive() {
        assertThatThrownBy(() -> new ModelOrRules(RULES, MODEL, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
