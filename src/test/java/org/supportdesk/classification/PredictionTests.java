package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionTests {

    private static final TrainedModel MODEL =
            ModelTrainer.train(TrainingExamples.distinctWords(3), Classifier.withDefaultRules());

    @Test
    void predictsTheLabelWhoseWordsTheTicketUses() {
        TicketPrediction p = MODEL.predict("Charged twice", "I was charged twice this month, I want a refund.");

        assertThat(p.category().label()).isEqualTo("billing_question");
        assertThat(p.category().probability()).isBetween(0.5, 1.0);
        assertThat(MODEL.predict("Outage", "The server is down, nobody can connect.")
                        .get(Field.PRIORITY)
                        .label())
                .isEqualTo("urgent");
        assertThat(MODEL.predict("Idea", "Would love a dark mode feature")
                        .get(Field.CATEGORY)
                        .label())
                .isEqualTo("feature_request");
    }

    @Test
    void namesTheWordsThatWeighedMostAsTheTicketWroteThem() {
        Prediction p = MODEL.predict("Charged TWICE", "Please refund the invoice, I was charged twice.")
                .category();

        assertThat(p.topWords()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
        assertThat(p.topWords())
                .anySatisfy(word -> assertThat(word).isIn("refund", "charged twice", "charged", "invoice"));
        assertThat(p.topWords()).allSatisfy(word -> assertThat(word).isLowerCase());
    }

    @Test
    void commonWordsAreNeverNamedAsReasons() {
        Prediction p = MODEL.predict("", "I was charged and I want my money and the refund")
                .category();

        assertThat(p.topWords()).doesNotContain("i", "and", "the", "my", "was", "i was", "and i");
    }

    @Test
    void anEmptyTicketGetsThePriorAndNoReasons() {
        TicketPrediction p = MODEL.predict(null, null);

        assertThat(p.category().topWords()).isEmpty();
        assertThat(p.category().probability()).isBetween(0.0, 1.0);
        assertThat(Field.CATEGORY.labels()).contains(p.category().label());
    }

    @Test
    void probabilitiesAreCalibratedByATemperature() {
        TrainedModel model = ModelTrainer.train(TrainingExamples.distinctWords(3), Classifier.withDefaultRules());

        for (Field field : Field.values()) {
            float t = model.fields[field.ordinal()].temperature;
            assertThat(t).isBetween(0.1f, 10f).isNotEqualTo(1f);
        }
    }
}
