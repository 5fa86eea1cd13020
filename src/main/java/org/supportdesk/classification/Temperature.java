package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates a field's probabilities by temperature scaling (Guo et al., 2017): a regularised logistic regression
 * trained on a few hundred tickets is less sure than it should be, and the combiner compares its probability with the
 * rules' measured rate of being right, so the probability must mean what it says. The temperature is the one that
 * best predicts held-out examples: 3-fold within at most {@value #SAMPLE} of the training examples (a spread,
 * deterministic sample, so a large training set costs little more).
 */
final class Temperature {

    static final int SAMPLE = 3000;
    private static final int FOLDS = 3;

    private Temperature() {}

    /**
     * @param labels per example the label index for this field, -1 when unlabelled
     * @return the temperature, 1 when there are too few examples to tell
     */
    static float fit(TrainingSet set, int[] labels, List<String> names, int bucketCount, TrainingOptions options) {
        List<Integer> sample = sample(labels);
        if (sample.size() < 30) {
            return 1f;
        }
        int n = names.size();
        List<double[]> scores = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int[] training = labels.clone();
            for (int s = 0; s < labels.length; s++) {
                training[s] = -1;
            }
            for (int s = 0; s < sample.size(); s++) {
                if (s % FOLDS != f) {
                    training[sample.get(s)] = labels[sample.get(s)];
                }
            }
            Softmax model = SoftmaxTrainer.train(set, training, names, bucketCount, options);
            int[] buckets = new int[set.widest()];
            float[] values = new float[buckets.length];
            for (int s = f; s < sample.size(); s += FOLDS) {
                int i = sample.get(s);
                double[] z = new double[n];
                model.scores(buckets, values, set.expand(i, buckets, values), z);
                scores.add(z);
                gold.add(labels[i]);
            }
        }
        return (float) best(scores, gold);
    }

    /** Every k-th labelled example, so that the sample spreads over the whole (ordered) list. */
    private static List<Integer> sample(int[] labels) {
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                labelled.add(i);
            }
        }
        int step = Math.max(1, (labelled.size() + SAMPLE - 1) / SAMPLE);
        List<Integer> sample = new ArrayList<>();
        for (int s = 0; s < labelled.size(); s += step) {
            sample.add(labelled.get(s));
        }
        return sample;
    }

    /** Golden-section search of log(temperature) in [ln 0.1, ln 10] for the least held-out log loss. */
    private static double best(List<double[]> scores, List<Integer> gold) {
        double lo = Math.log(0.1);
        double hi = Math.log(10);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int step = 0; step < 40; step++) {
            double a = hi - ratio * (hi - lo);
            double b = lo + ratio * (hi - lo);
            if (loss(scores, gold, Math.exp(a)) <= loss(scores, gold, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double loss(List<double[]> scores, List<Integer> gold, double temperature) {
        double loss = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] z = scores.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / temperature);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v / temperature - max);
            }
            loss += Math.log(sum) + max - z[gold.get(i)] / temperature;
        }
        return loss;
    }
}
