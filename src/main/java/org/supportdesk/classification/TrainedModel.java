package org.supportdesk.classification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model trained by {@link ModelTrainer}: one logistic regression per field over the features of {@link
 * TicketFeatures}, the document frequencies that weigh those features, and how often the rules were right on the same
 * examples. Immutable and safe to share between threads; {@link #toBytes} and {@link #fromBytes} store and restore it
 * exactly.
 */
public final class TrainedModel {

    final TrainingOptions options;
    /** Examples the document frequencies were counted over. */
    final int documents;
    /** Per bucket, in how many examples' text it occurred. */
    final int[] documentFrequency;
    /** Per field (by ordinal): the classifier, or {@code null} when there was no example for the field. */
    final Softmax[] fields;
    /** Per field, examples per label in the order of {@link Field#labels}. */
    final int[][] examplesPerLabel;

    final RulesCalibration rules;

    private final ScoringTable table;
    private final TicketFeatures reader;
    private final ThreadLocal<Features> buffers = ThreadLocal.withInitial(Features::new);

    TrainedModel(
            TrainingOptions options,
            int documents,
            int[] documentFrequency,
            Softmax[] fields,
            int[][] examplesPerLabel,
            RulesCalibration rules) {
        this.options = options;
        this.documents = documents;
        this.documentFrequency = documentFrequency;
        this.fields = fields;
        this.examplesPerLabel = examplesPerLabel;
        this.rules = rules;
        this.table = new ScoringTable(documentFrequency, documents, fields);
        this.reader = new TicketFeatures(options);
    }

    /** Predicts both fields of a ticket; {@code null} subject or description count as empty text. */
    public TicketPrediction predict(String subject, String description) {
        Features f = buffers.get();
        reader.extract(subject == null ? "" : subject, description == null ? "" : description, f);
        table.weigh(f);
        return new TicketPrediction(predict(Field.CATEGORY, f), predict(Field.PRIORITY, f));
    }

    private Prediction predict(Field field, Features f) {
        if (!table.has(field)) {
            return null;
        }
        List<String> labels = table.model(field).labels;
        double[] p = new double[labels.size()];
        int best = table.probabilities(field, f, p);
        return new Prediction(labels.get(best), p[best], Reasons.top(f, table, field, best));
    }

    /** How many examples the model learned the field from. */
    public int examples(Field field) {
        int sum = 0;
        for (int count : examplesPerLabel[field.ordinal()]) {
            sum += count;
        }
        return sum;
    }

    /** Examples per label for the field, every label listed in {@link Field#labels} order, zeros included. */
    public Map<String, Integer> examplesPerLabel(Field field) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> labels = field.labels();
        for (int k = 0; k < labels.size(); k++) {
            counts.put(labels.get(k), examplesPerLabel[field.ordinal()][k]);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The rules' confidence for a field as measured on this model's training examples: the share of them the rules got
     * right when they said the same thing with the same confidence. Compared with the model's probability by {@link
     * ModelOrRules}.
     */
    public double rulesConfidence(Field field, Classification rules) {
        return this.rules.confidence(field, rules);
    }

    public TrainingOptions options() {
        return options;
    }

    /** The model as bytes: the same model always gives the same bytes. */
    public byte[] toBytes() {
        return ModelCodec.write(this);
    }

    /**
     * A model from {@link #toBytes}.
     *
     * @throws IllegalArgumentException if the bytes are not a model of a format this version reads
     */
    public static TrainedModel fromBytes(byte[] bytes) {
        return ModelCodec.read(bytes);
    }
}
