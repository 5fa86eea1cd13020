package org.supportdesk.classification;

/**
 * A trained model laid out for prediction: one row per bucket holding the bucket's idf, then the category weights,
 * then the priority weights. A ticket's feature then costs one or two cache lines instead of three arrays' worth (idf,
 * category, priority), which made prediction about twice as fast.
 */
final class ScoringTable {

    private final float[] rows;
    private final int stride;
    /** Per field (by ordinal), where its weights start within a row; -1 when the field has no classifier. */
    private final int[] offset = new int[Field.values().length];

    private final Softmax[] fields;

    ScoringTable(float[] idf, Softmax[] fields) {
        this.fields = fields;
        int width = 1;
        for (Field field : Field.values()) {
            Softmax model = fields[field.ordinal()];
            offset[field.ordinal()] = model == null ? -1 : width;
            width += model == null ? 0 : model.labels.size();
        }
        stride = width;
        rows = new float[idf.length * stride];
        for (int b = 0; b < idf.length; b++) {
            rows[b * stride] = idf[b];
            for (Field field : Field.values()) {
                Softmax model = fields[field.ordinal()];
                if (model != null) {
                    int n = model.labels.size();
                    System.arraycopy(model.weights, b * n, rows, b * stride + offset[field.ordinal()], n);
                }
            }
        }
    }

    /** {@link Features#weigh} with the idf read from the rows. */
    void weigh(Features f) {
        double norm = 0;
        for (int j = 0; j < f.size; j++) {
            float v = f.value[j] * rows[f.bucket[j] * stride];
            f.value[j] = v;
            norm += (double) v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int j = 0; j < f.size; j++) {
            f.value[j] *= scale;
        }
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
        for (int k = 0; k < n; k++) {
            p[k] = model.bias[k];
        }
        for (int j = 0; j < f.size; j++) {
            int row = f.bucket[j] * stride + at;
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

    /** {@link Softmax#pull} from the rows. */
    double pull(Field field, int bucket, float value, int label) {
        int n = fields[field.ordinal()].labels.size();
        int row = bucket * stride + offset[field.ordinal()];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += rows[row + k];
        }
        return value * (rows[row + label] - sum / n);
    }
}
