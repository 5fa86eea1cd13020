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
        TicketFeatures reader = new TicketFeatures(options);
        Features f = new Features();
        int m = examples.size();
        int[][] packed = new int[m][];
        int[] documentFrequency = new int[reader.buckets()];
        RulesCalibration calibration = new RulesCalibration();
        for (int i = 0; i < m; i++) {
            Example example = examples.get(i);
            Classification decision = rules.classify(example.subject(), example.description());
            calibration.count(example, decision);
            reader.extract(example.subject(), example.description(), f);
            packed[i] = new int[f.size];
            for (int j = 0; j < f.size; j++) {
                packed[i][j] = TrainingSet.pack(f.bucket[j], f.occurrences(j));
                documentFrequency[f.bucket[j]]++;
            }
        }
        TrainingSet set = new TrainingSet(packed, idf(documentFrequency, m));
        Softmax[] fields = new Softmax[Field.values().length];
        int[][] perLabel = new int[fields.length][];
        for (Field field : Field.values()) {
            List<String> names = field.labels();
            int[] labels = new int[m];
            perLabel[field.ordinal()] = new int[names.size()];
            boolean any = false;
            for (int i = 0; i < m; i++) {
                String label = examples.get(i).label(field);
                labels[i] = label == null ? -1 : names.indexOf(label);
                if (label != null) {
                    perLabel[field.ordinal()][labels[i]]++;
                    any = true;
                }
            }
            if (any) {
                Softmax model = SoftmaxTrainer.train(set, labels, names, reader.buckets(), options);
                float temperature = Temperature.fit(set, labels, names, reader.buckets(), options);
                fields[field.ordinal()] = model.withTemperature(temperature);
            }
        }
        return new TrainedModel(options, m, documentFrequency, fields, perLabel, calibration);
    }

    private static float[] idf(int[] documentFrequency, int documents) {
        float[] idf = new float[documentFrequency.length];
        for (int b = 0; b < idf.length; b++) {
            idf[b] = ScoringTable.idf(documentFrequency[b], documents);
        }
        return idf;
    }
}
