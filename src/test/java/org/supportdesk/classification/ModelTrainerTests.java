package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.classification.TrainingExamples.anExample;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainerTests {

    private static final Classifier RULES = Classifier.withDefaultRules();
    private static final List<Example> EXAMPLES = TrainingExamples.distinctWords(3);

    @Test
    void theSameExamplesGiveAByteIdenticalModel() {
        byte[] first = ModelTrainer.train(EXAMPLES, RULES).toBytes();
        byte[] second = ModelTrainer.train(List.copyOf(EXAMPLES), RULES).toBytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        TrainingOptions d = TrainingOptions.defaults();
        TrainingOptions other = new TrainingOptions(
                d.hashBits(), d.wordPairs(), d.stems(), d.shape(), d.epochs(), d.learningRate(), d.l2(), 7);

        assertThat(ModelTrainer.train(EXAMPLES, RULES, other).toBytes())
                .isNotEqualTo(ModelTrainer.train(EXAMPLES, RULES).toBytes());
    }

    @Test
    void aModelReadBackFromItsBytesPredictsTheSameAndWritesTheSameBytes() {
        TrainedModel model = ModelTrainer.train(EXAMPLES, RULES);
        byte[] bytes = model.toBytes();

        TrainedModel copy = TrainedModel.fromBytes(bytes);

        assertThat(copy.toBytes()).isEqualTo(bytes);
        assertThat(copy.options()).isEqualTo(model.options());
        for (Example e : TrainingExamples.distinctWords(1)) {
            assertThat(copy.predict(e.subject(), e.description()))
                    .isEqualTo(model.predict(e.subject(), e.description()));
        }
        assertThat(copy.examplesPerLabel(Field.PRIORITY)).isEqualTo(model.examplesPerLabel(Field.PRIORITY));
    }

    @Test
    void countsTheExamplesOfEveryLabelPerField() {
        TrainedModel model = ModelTrainer.train(EXAMPLES, RULES);

        assertThat(model.examples(Field.CATEGORY)).isEqualTo(EXAMPLES.size());
        assertThat(model.examplesPerLabel(Field.CATEGORY))
                .containsOnlyKeys(Field.CATEGORY.labels())
                .containsEntry("billing_question", 24)
                .containsEntry("other", 24);
        assertThat(model.examplesPerLabel(Field.PRIORITY)).containsKeys("urgent", "high", "medium", "low");
    }

    @Test
    void anExampleTeachesOnlyTheFieldsAPersonLabelled() {
        List<Example> categoryOnly = EXAMPLES.stream()
                .map(e -> new Example(e.subject(), e.description(), e.category(), null))
                .toList();

        TrainedModel model = ModelTrainer.train(categoryOnly, RULES);
        TicketPrediction prediction = model.predict("charged twice", "refund please");

        assertThat(model.examples(Field.PRIORITY)).isZero();
        assertThat(model.examplesPerLabel(Field.PRIORITY)).containsValues(0, 0, 0, 0);
        assertThat(prediction.priority()).isNull();
        assertThat(prediction.category().label()).isEqualTo("billing_question");
        assertThat(TrainedModel.fromBytes(model.toBytes()).predict("charged twice", "refund please"))
                .isEqualTo(prediction);
    }

    @Test
    void anExampleRejectsLabelsThatAreNotCategoriesOrPriorities() {
        assertThatThrownBy(() -> anExample("x").labelled("billing", "high").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing");
        assertThatThrownBy(() -> anExample("x").labelled("other", "asap").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asap");
    }

    @Test
    void bytesThatAreNotAModelAreRejectedWithAReason() {
        byte[] model = ModelTrainer.train(EXAMPLES, RULES).toBytes();

        assertThatThrownBy(() -> TrainedModel.fromBytes("not a model".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Supportdesk model");
        assertThatThrownBy(() -> TrainedModel.fromBytes(Arrays.copyOf(model, model.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainedModel.fromBytes(Arrays.copyOf(model, model.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        byte[] newerFormat = model.clone();
        newerFormat[7] = 99;
        assertThatThrownBy(() -> TrainedModel.fromBytes(newerFormat))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 99");
    }

    @Test
    void trainingOptionsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new TrainingOptions(30, true, true, true, 10, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingOptions(18, true, true, true, 0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
