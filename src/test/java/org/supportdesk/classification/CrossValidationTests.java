package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CrossValidationTests {

    private static final Classifier RULES = Classifier.withDefaultRules();

    @Test
    void foldsDealEachCategoryInTurnSoEveryFoldGetsItsShare() {
        List<Example> examples = TrainingExamples.distinctWords(2);

        int[] folds = CrossValidation.folds(examples, 4);

        for (String category : Field.CATEGORY.labels()) {
            int[] perFold = new int[4];
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).category().equals(category)) {
                    perFold[folds[i]]++;
                }
            }
            assertThat(perFold).containsOnly(4);
        }
    }

    @Test
    void scoresEveryExampleOnceAndGivesTheSameFiguresEveryTime() {
        List<Example> examples = TrainingExamples.distinctWords(2);

        Evaluation first = CrossValidation.run(examples, 3, RULES, TrainingOptions.defaults(), 10);
        Evaluation second = CrossValidation.run(examples, 3, RULES, TrainingOptions.defaults(), 10);

        for (Field field : Field.values()) {
            FieldEvaluation e = first.get(field);
            assertThat(e.examples()).isEqualTo(examples.size());
            assertThat(e.model().total()).isEqualTo(examples.size());
            assertThat(e.combined().total()).isEqualTo(examples.size());
            assertThat(e.model().accuracy()).isEqualTo(second.get(field).model().accuracy());
            assertThat(e.combined().toMarkdown())
                    .isEqualTo(second.get(field).combined().toMarkdown());
        }
        assertThat(first.get(Field.CATEGORY).model().accuracy()).isGreaterThan(0.9);
    }

    @Test
    void examplesWithoutALabelForAFieldAreNotScoredForIt() {
        List<Example> examples = TrainingExamples.distinctWords(2).stream()
                .map(e ->
                        e.subject().startsWith("d") ? new Example(e.subject(), e.description(), e.category(), null) : e)
                .toList();
        long withPriority = examples.stream().filter(e -> e.priority() != null).count();

        Evaluation e = CrossValidation.run(examples, 2, RULES, TrainingOptions.defaults(), 10);

        assertThat(e.get(Field.CATEGORY).examples()).isEqualTo(examples.size());
        assertThat(e.get(Field.PRIORITY).examples())
                .isEqualTo((int) withPriority)
                .isLessThan(examples.size());
    }

    @Test
    void needsAtLeastTwoFolds() {
        assertThatThrownBy(() -> CrossValidation.run(
                        TrainingExamples.distinctWords(1), 1, RULES, TrainingOptions.defaults(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The figures docs/CLASSIFICATION.md quotes for cross-validation on the training four fifths. */
    @Test
    void crossValidationOnTheLabelledTrainingPartBeatsTheRules() {
        List<Example> training = LabelledSet.examples(LabelledSet.EIGHT_TEAMS.training());

        Evaluation e = CrossValidation.run(training, 5, RULES, TrainingOptions.defaults(), 100);

        HeldOutAccuracyTests.print("5-fold cross-validation on the training part (" + training.size() + ")", e);
        for (int size : new int[] {200, 400, 600}) {
            List<Example> sample = everyNth(training, size);
            Evaluation curve = CrossValidation.run(sample, 5, RULES, TrainingOptions.defaults(), 100);
            System.out.printf(
                    Locale.ROOT,
                    "learning curve, %d examples: category combined %.3f, priority combined %.3f%n",
                    sample.size(),
                    curve.get(Field.CATEGORY).combined().accuracy(),
                    curve.get(Field.PRIORITY).combined().accuracy());
        }
        assertThat(e.get(Field.CATEGORY).combined().accuracy()).isGreaterThanOrEqualTo(0.74);
        assertThat(e.get(Field.PRIORITY).combined().accuracy()).isGreaterThanOrEqualTo(0.59);
        assertThat(e.get(Field.CATEGORY).combined().accuracy())
                .isGreaterThan(e.get(Field.CATEGORY).rules().accuracy() + 0.1);
    }

    /** The same on one team's tickets (bookwell-tickets.csv): the "about 800 labelled tickets of a team". */
    @Test
    void crossValidationOnOneTeamsTrainingPartBeatsTheRules() {
        List<Example> training = LabelledSet.examples(LabelledSet.ONE_TEAM.training());

        Evaluation e = CrossValidation.run(training, 5, RULES, TrainingOptions.defaults(), 100);

        HeldOutAccuracyTests.print(
                "One team: 5-fold cross-validation on the training part (" + training.size() + ")", e);
        for (int size : new int[] {100, 200, 400, 600}) {
            List<Example> sample = everyNth(training, size);
            Evaluation curve = CrossValidation.run(sample, 5, RULES, TrainingOptions.defaults(), 50);
            System.out.printf(
                    Locale.ROOT,
                    "one team, learning curve, %d examples: category model %.3f combined %.3f, priority model %.3f"
                            + " combined %.3f%n",
                    sample.size(),
                    curve.get(Field.CATEGORY).model().accuracy(),
                    curve.get(Field.CATEGORY).combined().accuracy(),
                    curve.get(Field.PRIORITY).model().accuracy(),
                    curve.get(Field.PRIORITY).combined().accuracy());
        }
        assertThat(e.get(Field.CATEGORY).combined().accuracy()).isGreaterThanOrEqualTo(0.67);
        assertThat(e.get(Field.PRIORITY).combined().accuracy()).isGreaterThanOrEqualTo(0.58);
        assertThat(e.get(Field.CATEGORY).combined().accuracy())
                .isGreaterThan(e.get(Field.CATEGORY).rules().accuracy() + 0.15);
    }

    private static List<Example> everyNth(List<Example> examples, int size) {
        double step = (double) examples.size() / size;
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> examples.get((int) (i * step)))
                .toList();
    }
}
