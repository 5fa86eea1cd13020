package org.supportdesk.classification;

import java.util.Arrays;
import java.util.List;

/**
 * Examples taken in one at a time, as they stream from the database, and kept only in the compact form training needs:
 * per example its features packed one int each ({@link TrainingSet}) and its labels, plus the rules' record on them.
 * The text is read once and dropped, so a hundred thousand tickets take a few tens of megabytes rather than the
 * hundreds their strings would. Not thread-safe: one reader fills it, then {@link #train} trains.
 */
public final class TrainingData {

    private final Classifier rules;
    private final TrainingOptions options;
    private final TicketFeatures reader;
    private final Features features = new Features();
    private final RulesCalibration calibration = new RulesCalibration();
    private final int[] documentFrequency;
    private int[][] packed = new int[256][];
    /** Per field (by ordinal), per example the index of its label in {@link Field#labels}, -1 when unlabelled. */
    private final int[][] labels = {new int[256], new int[256]};

    private int size;

    public TrainingData(Classifier rules, TrainingOptions options) {
        this.rules = rules;
        this.options = options;
        this.reader = new TicketFeatures(options);
        this.documentFrequency = new int[reader.buckets()];
    }

    /** Reads one example: its features, its labels, and whether the rules would have got it right. */
    public void add(Example example) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
            labels[0] = Arrays.copyOf(labels[0], size * 2);
            labels[1] = Arrays.copyOf(labels[1], size * 2);
        }
        calibration.count(example, rules.classify(example.subject(), example.description()));
        reader.extract(example.subject(), example.description(), features);
        int[] row = new int[features.size];
        for (int j = 0; j < features.size; j++) {
            row[j] = TrainingSet.pack(features.bucket[j], features.occurrences(j));
            documentFrequency[features.bucket[j]]++;
        }
        packed[size] = row;
        for (Field field : Field.values()) {
            String label = example.label(field);
            labels[field.ordinal()][size] = label == null ? -1 : field.labels().indexOf(label);
        }
        size++;
    }

    /** How many examples were added. */
    public int size() {
        return size;
    }

    /**
     * Trains one classifier per field that has at least one label, with its calibration. Deterministic: the same
     * examples added in the same order give a byte-identical model.
     */
    public TrainedModel train() {
        float[] idf = new float[documentFrequency.length];
        for (int b = 0; b < idf.length; b++) {
            idf[b] = ScoringTable.idf(documentFrequency[b], size);
        }
        TrainingSet set = new TrainingSet(Arrays.copyOf(packed, size), idf);
        Softmax[] fields = new Softmax[Field.values().length];
        int[][] perLabel = new int[fields.length][];
        for (Field field : Field.values()) {
            List<String> names = field.labels();
            int[] given = Arrays.copyOf(labels[field.ordinal()], size);
            perLabel[field.ordinal()] = new int[names.size()];
            boolean any = false;
            for (int label : given) {
                if (label >= 0) {
                    perLabel[field.ordinal()][label]++;
                    any = true;
                }
            }
            if (any) {
                Softmax model = SoftmaxTrainer.train(set, given, names, reader.buckets(), options);
                float temperature = Temperature.fit(set, given, names, reader.buckets(), options);
                fields[field.ordinal()] = model.withTemperature(temperature);
            }
        }
        return new TrainedModel(options, size, documentFrequency.clone(), fields, perLabel, calibration);
    }
}
