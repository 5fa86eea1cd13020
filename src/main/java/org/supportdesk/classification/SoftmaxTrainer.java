package org.supportdesk.classification;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link Softmax} by stochastic gradient descent with AdaGrad steps (a step size per weight: one per feature,
 * shared by its labels, lost 1.5 points of accuracy by cross-validation and saved little time) and L2 regularisation
 * of the weights each example touches. Deterministic: one thread, the examples visited in an order drawn from the seed by {@link Random}
 * (whose sequence the JDK specifies), and Java's floating point is the same on every platform, so the same examples
 * and options give bit-identical weights.
 */
final class SoftmaxTrainer {

    private SoftmaxTrainer() {}

    /** @param labels per example, the index of its label in {@code names}, or -1 to leave the example out */
    static Softmax train(TrainingSet set, int[] labels, List<String> names, int bucketCount, TrainingOptions o) {
        int n = names.size();
        float[] weights = new float[bucketCount * n];
        float[] squares = new float[bucketCount * n];
        int[] b = new int[set.widest()];
        float[] v = new float[b.length];
        float[] bias = new float[n];
        float[] biasSquares = new float[n];
        int[] order = labelled(labels);
        Random random = new Random(o.seed());
        double[] p = new double[n];
        float rate = (float) o.learningRate();
        float l2 = (float) o.l2();
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                int size = set.expand(i, b, v);
                for (int k = 0; k < n; k++) {
                    p[k] = bias[k];
                }
                for (int j = 0; j < size; j++) {
                    int row = b[j] * n;
                    for (int k = 0; k < n; k++) {
                        p[k] += v[j] * weights[row + k];
                    }
                }
                Softmax.normalise(p, n);
                p[labels[i]] -= 1;
                for (int j = 0; j < size; j++) {
                    int row = b[j] * n;
                    for (int k = 0; k < n; k++) {
                        int w = row + k;
                        float g = (float) p[k] * v[j] + l2 * weights[w];
                        squares[w] += g * g;
                        weights[w] -= rate * g / ((float) Math.sqrt(squares[w]) + 1e-6f);
                    }
                }
                for (int k = 0; k < n; k++) {
                    float g = (float) p[k];
                    biasSquares[k] += g * g;
                    bias[k] -= rate * g / ((float) Math.sqrt(biasSquares[k]) + 1e-6f);
                }
            }
        }
        return new Softmax(names, weights, bias, 1f);
    }

    private static int[] labelled(int[] labels) {
        int count = 0;
        for (int label : labels) {
            count += label >= 0 ? 1 : 0;
        }
        int[] order = new int[count];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                order[next++] = i;
            }
        }
        return order;
    }

    /** Fisher–Yates with the given source, so the order is the same on every run. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
