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
        Scored scored = score(subject, description);
        return new TicketPrediction(scored.prediction(Field.CATEGORY), scored.prediction(Field.PRIORITY));
    }

    /**
     * Predicts both fields and finds the words behind a field only when asked: naming them is about a fifth of a
     * prediction, and the service names them only for a field the model decides. They are found in this thread's
     * buffers, so ask for them before the next prediction on the same thread.
     */
    Scored score(String subject, String description) {
        Features f = buffers.get();
        reader.extract(subject == null ? "" : subject, description == null ? "" : description, f);
        table.weigh(f);
        return new Scored(f);
    }

    /** The labels and probabilities of one ticket, and the words behind them on demand (see {@link #score}). */
    final class Scored {
        private final Features features;
        private final int[] best = new int[Field.values().length];
        private final double[] probability = new double[Field.values().length];

        private Scored(Features features) {
            this.features = features;
            for (Field field : Field.values()) {
                if (table.has(field)) {
                    double[] p = new double[table.model(field).labels.size()];
                    best[field.ordinal()] = table.probabilities(field, features, p);
                    probability[field.ordinal()] = p[best[field.ordinal()]];
                }
            }
        }

        /** False when the model had no example of the field. */
        boolean has(Field field) {
            return table.has(field);
        }

        String label(Field field) {
            return table.model(field).labels.get(best[field.ordinal()]);
        }

        double probability(Field field) {
            return probability[field.ordinal()];
        }

        /** The words that pulled most towards the field's label, strongest first. */
        List<String> topWords(Field field) {
            return Reasons.top(features, table, field, best[field.ordinal()]);
        }

        /** The field's prediction with its words; null when the model had no example of it. */
        Prediction prediction(Field field) {
            return has(field) ? new Prediction(label(field), probability(field), topWords(field)) : null;
        }
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
