package org.supportdesk.classification;

import java.util.List;

/**
 * Multinomial logistic regression for one field over hashed features: a weight per bucket and label (stored bucket by
 * bucket, so one ticket's feature reads one short run of memory per feature) and a bias per label.
 */
final class Softmax {

    final List<String> labels;
    final float[] weights;
    final float[] bias;
    /** Scores are divided by this before the softmax, so that probabilities match how often the model is right. */
    final float temperature;

    Softmax(List<String> labels, float[] weights, float[] bias, float temperature) {
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
    }

    Softmax withTemperature(float temperature) {
        return new Softmax(labels, weights, bias, temperature);
    }

    /** Fills {@code scores} with the raw scores (logits), one per label. */
    void scores(int[] buckets, float[] values, int size, double[] probabilities) {
        int n = labels.size();
        for (int k = 0; k < n; k++) {
            probabilities[k] = bias[k];
        }
        for (int j = 0; j < size; j++) {
            int row = buckets[j] * n;
            double v = values[j];
            for (int k = 0; k < n; k++) {
                probabilities[k] += v * weights[row + k];
            }
        }
    }

    /** Turns scores into probabilities in place (numerically stable softmax); returns the arg max, first on ties. */
    static int normalise(double[] scores, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        double max = scores[best];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < n; k++) {
            scores[k] /= sum;
        }
        return best;
    }
}
