package org.supportdesk.classification;

/**
 * A trained model laid out for prediction. Only the buckets some training example used have weights, so only those get
 * a row, found through an open-addressing index; every other bucket shares row 0 (the idf of an unseen word, no
 * weights). A row holds the bucket's idf, then the category weights and their mean, then the priority weights and
 * their mean (for {@link #pull}), so one feature costs one short run of memory instead of a read in each of three
 * arrays. A model of a thousand tickets takes under a megabyte this way instead of 11 MB of dense arrays (whether that
 * is also faster could not be told apart from the noise of the shared machine; the single row per feature was).
 */
final class ScoringTable {

    private final float[] rows;
    private final int stride;
    /** Slot -> bucket + 1 (0: free), and the row of that bucket. */
    private final int[] slotBucket;

    private final int[] slotRow;
    private final int mask;
    /** Per field (by ordinal), where its weights start within a row; -1 when the field has no classifier. */
    private final int[] offset = new int[Field.values().length];

    private final Softmax[] fields;

    ScoringTable(int[] documentFrequency, int documents, Softmax[] fields) {
        this.fields = fields;
        int width = 1;
        for (Field field : Field.values()) {
            Softmax model = fields[field.ordinal()];
            offset[field.ordinal()] = model == null ? -1 : width;
            width += model == null ? 0 : model.labels.size() + 1;
        }
        stride = width;
        int used = 0;
        for (int df : documentFrequency) {
            used += df > 0 ? 1 : 0;
        }
        int slots = Integer.highestOneBit(Math.max(16, used * 2 - 1)) << 1;
        slotBucket = new int[slots];
        slotRow = new int[slots];
        mask = slots - 1;
        rows = new float[(used + 1) * stride];
        rows[0] = idf(0, documents);
        int row = 0;
        for (int b = 0; b < documentFrequency.length; b++) {
            if (documentFrequency[b] > 0) {
                row++;
                int slot = slot(b);
                while (slotBucket[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slotBucket[slot] = b + 1;
                slotRow[slot] = row;
                rows[row * stride] = idf(documentFrequency[b], documents);
                for (Field field : Field.values()) {
                    Softmax model = fields[field.ordinal()];
                    if (model != null) {
                        int n = model.labels.size();
                        int at = row * stride + offset[field.ordinal()];
                        System.arraycopy(model.weights, b * n, rows, at, n);
                        float sum = 0;
                        for (int k = 0; k < n; k++) {
                            sum += model.weights[b * n + k];
                        }
                        rows[at + n] = sum / n;
                    }
                }
            }
        }
    }

    /** Smoothed inverse document frequency; a bucket never seen gets the highest value, like a word seen once. */
    static float idf(int documentFrequency, int documents) {
        return (float) (Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1);
    }

    /**
     * Finds each feature's row and turns term frequencies into the model's input: each value times its idf, the vector
     * scaled to length 1 (a long ticket does not shout louder than a short one).
     */
    void weigh(Features f) {
        double norm = 0;
        int[] rowOf = f.rows();
        for (int j = 0; j < f.size; j++) {
            int row = row(f.bucket[j]) * stride;
            rowOf[j] = row;
            float v = f.value[j] * rows[row];
            f.value[j] = v;
            norm += (double) v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int j = 0; j < f.size; j++) {
            f.value[j] *= scale;
        }
    }

    private int row(int bucket) {
        int slot = slot(bucket);
        int key;
        while ((key = slotBucket[slot]) != 0) {
            if (key == bucket + 1) {
                return slotRow[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private int slot(int bucket) {
        return (bucket * 0x9E3779B9) >>> 7 & mask;
    }

    boolean has(Field field) {
        return offset[field.ordinal()] >= 0;
    }

    Softmax model(Field field) {
        return fields[field.ordinal()];
    }

    /** The field's probabilities for weighed features; returns the most probable label's index. */
    int probabilities(Field field, Features f, double[] p) {
        Softmax model = fields[field.ordinal()];
        int n = model.labels.size();
        int at = offset[field.ordinal()];
        int[] rowOf = f.rows();
        for (int k = 0; k < n; k++) {
            p[k] = model.bias[k];
        }
        for (int j = 0; j < f.size; j++) {
            int row = rowOf[j] + at;
            double v = f.value[j];
            for (int k = 0; k < n; k++) {
                p[k] += v * rows[row + k];
            }
        }
        for (int k = 0; k < n; k++) {
            p[k] /= model.temperature;
        }
        return Softmax.normalise(p, n);
    }

    /**
     * How much feature j pushes towards {@code label} rather than towards the labels on average: its value times the
     * label's weight minus the mean weight. Positive values are reasons for the label.
     */
    double pull(Field field, Features f, int j, int label) {
        int row = f.rows()[j] + offset[field.ordinal()];
        return f.value[j] * (rows[row + label] - rows[row + fields[field.ordinal()].labels.size()]);
    }
}
