package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.classification.Classification;
import org.supportdesk.classification.Classifier;
import org.supportdesk.classification.Example;
import org.supportdesk.classification.ModelOrRules;
import org.supportdesk.classification.ModelTrainer;
import org.supportdesk.classification.TrainedModel;

/** How a decision of the model or of the rules becomes a ticket's classification, and how decisions are counted. */
class TriageDecisionTests {

    private static final Classifier RULES = Classifier.withDefaultRules();
    /** Words no rule knows, one per category: only the model can learn them. */
    private static final String[] WORDS = {"quokka", "narwhal", "axolotl", "pangolin", "okapi", "tapir"};

    private static final TrainedModel MODEL = ModelTrainer.train(examples(), RULES);

    private static List<Example> examples() {
        List<String> categories = List.of(
                "account_access", "technical_issue", "billing_question", "feature_request", "bug_report", "other");
        var examples = new ArrayList<Example>();
        for (int i = 0; i < 240; i++) {
            int k = i % 6;
            examples.add(new Example(
                    "About the " + WORDS[k] + " " + (i % 7),
                    "We saw the " + WORDS[k] + " again on day " + i,
                    categories.get(k),
                    k == 0 ? "high" : "low"));
        }
        return examples;
    }

    private final MeterRegistry meters = new SimpleMeterRegistry();

    private Triage triage(TrainedModel model) {
        return new Triage(() -> new ModelOrRules(RULES, model, 100), meters);
    }

    @Test
    void aFieldTheModelDecidesCarriesItsProbabilityAndTheWordsThatWeighedMost() {
        ClassificationInfo info = triage(MODEL).classify("Quokka", "The quokka again", Instant.EPOCH);

        assertThat(info.method()).isEqualTo("model");
        assertThat(info.category()).isEqualTo(Category.ACCOUNT_ACCESS);
        assertThat(info.confidence())
                .isEqualTo(Math.round(MODEL.predict("Quokka", "The quokka again")
                                        .category()
                                        .probability()
                                * 100)
                        / 100.0);
        assertThat(info.reasoning()).startsWith("Model: \"quokka\"").contains("account_access");
        assertThat(info.keywordsFound())
                .isEqualTo(RULES.classify("Quokka", "The quokka again").keywordsFound());
    }

    @Test
    void withoutAModelTheRulesDecideExactlyAsThemselves() {
        String subject = "Charged twice";
        String description = "My card was charged twice, please refund";

        ClassificationInfo info = triage(null).classify(subject, description, Instant.EPOCH);

        Classification rules = RULES.classify(subject, description);
        assertThat(info.method()).isEqualTo("rules");
        assertThat(info.category().value()).isEqualTo(rules.category());
        assertThat(info.priority().value()).isEqualTo(rules.priority());
        assertThat(info.confidence()).isEqualTo(rules.confidence());
        assertThat(info.reasoning()).isEqualTo(rules.reasoning());
        assertThat(info.keywordsFound()).isEqualTo(rules.keywordsFound());
    }

    @Test
    void decisionsAreCountedByMethodAndOutcome() {
        triage(MODEL).classify("Quokka", "The quokka again", Instant.EPOCH);
        triage(MODEL).classify("Quokka", "The quokka again", Instant.EPOCH);
        triage(null).classify("Quokka", "The quokka again", Instant.EPOCH);

        assertThat(meters.get("supportdesk.classifier.decisions")
                        .tag("method", "model")
                        .tag("category", "account_access")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("supportdesk.classifier.decisions")
                        .tag("method", "rules")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
