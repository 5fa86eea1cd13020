package org.supportdesk.classification;

import java.util.List;

/** Trains a {@link TrainedModel} from labelled examples. Deterministic: the same examples in the same order and the
 * same options give a byte-identical model. */
public final class ModelTrainer {

    private ModelTrainer() {}

    /** Trains with {@link TrainingOptions#defaults()}. */
    public static TrainedModel train(List<Example> examples, Classifier rules) {
        return train(examples, rules, TrainingOptions.defaults());
    }

    /**
     * @param examples each teaches the fields it has a label for; a field without any example gets no classifier
     * @param rules the rules the model is combined with: how often they are right on these examples is measured, so
     *     that {@link ModelOrRules} can compare their confidence with the model's probability
     */
    public static TrainedModel train(List<Example> examples, Classifier rules, TrainingOptions options) {
        TrainingData data = new TrainingData(rules, options);
        examples.forEach(data::add);
        return data.train();
    }
}
