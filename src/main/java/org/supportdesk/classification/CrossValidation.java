package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation: how well a model trained on a team's examples labels examples it has not seen. Each
 * example is held out exactly once; the folds are stratified by category (each category's examples are dealt to the
 * folds in turn, in the order given), so the same examples in the same order always give the same folds and figures.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * @param folds at least 2, at most the number of examples
     * @return the rules, the model and the combination scored on every example while it was held out
     */
    public static Evaluation run(
            List<Example> examples, int folds, Classifier rules, TrainingOptions options, int minExamples) {
        if (folds < 2 || folds > examples.size()) {
            throw new IllegalArgumentException("folds must be within 2.." + examples.size());
        }
        int[] fold = folds(examples, folds);
        List<Evaluation> parts = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            List<Example> training = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? held : training).add(examples.get(i));
            }
            TrainedModel model = ModelTrainer.train(training, rules, options);
            parts.add(Evaluation.of(model, rules, held, minExamples));
        }
        return Evaluation.sum(parts);
    }

    static int[] folds(List<Example> examples, int folds) {
        List<String> categories = Field.CATEGORY.labels();
        int[] next = new int[categories.size() + 1];
        int[] fold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            String category = examples.get(i).category();
            int stratum = category == null ? categories.size() : categories.indexOf(category);
            fold[i] = next[stratum]++ % folds;
        }
        return fold;
    }
}
