package org.supportdesk.classification;

import java.util.List;
import java.util.Locale;

/**
 * Not a test: compares training options by 5-fold cross-validation on the training part of the labelled set (never
 * the held-out fifth). Run with {@code java -cp ... org.supportdesk.classification.ModelTuning}.
 */
public final class ModelTuning {

    public static void main(String[] args) {
        LabelledSet set =
                System.getProperty("set", "one").equals("one") ? LabelledSet.ONE_TEAM : LabelledSet.EIGHT_TEAMS;
        List<Example> training = LabelledSet.examples(set.training());
        Classifier rules = Classifier.withDefaultRules();
        TrainingOptions d = TrainingOptions.defaults();
        String only = args.length > 0 ? args[0] : "";
        System.out.printf(Locale.ROOT, "training examples: %d%n", training.size());
        for (String[] variant : new String[][] {
            {"defaults", ""},
            {"no pairs", "pairs=0"},
            {"no stems", "stems=0"},
            {"no shape", "shape=0"},
            {"bare", "pairs=0,stems=0,shape=0"},
            {"bits 16", "bits=16"},
            {"bits 20", "bits=20"},
            {"l2 1e-5", "l2=1e-5"},
            {"l2 1e-4", "l2=1e-4"},
            {"lr 0.2", "lr=0.2"},
            {"lr 1", "lr=1"},
            {"epochs 5", "epochs=5"},
            {"epochs 20", "epochs=20"},
        }) {
            if (!only.isEmpty() && !variant[1].matches(only)) {
                continue;
            }
            TrainingOptions o = apply(d, variant[1]);
            long start = System.nanoTime();
            Evaluation e = CrossValidation.run(training, 5, rules, o, ModelOrRules.DEFAULT_MIN_EXAMPLES);
            FieldEvaluation c = e.get(Field.CATEGORY);
            FieldEvaluation p = e.get(Field.PRIORITY);
            System.out.printf(
                    Locale.ROOT,
                    "%-12s category rules %.3f model %.3f combined %.3f | priority rules %.3f model %.3f combined"
                            + " %.3f | %d ms%n",
                    variant[0],
                    c.rules().accuracy(),
                    c.model().accuracy(),
                    c.combined().accuracy(),
                    p.rules().accuracy(),
                    p.model().accuracy(),
                    p.combined().accuracy(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    static TrainingOptions apply(TrainingOptions d, String spec) {
        int bits = d.hashBits();
        boolean pairs = d.wordPairs();
        boolean stems = d.stems();
        boolean shape = d.shape();
        int epochs = d.epochs();
        double lr = d.learningRate();
        double l2 = d.l2();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            switch (kv[0]) {
                case "bits" -> bits = Integer.parseInt(kv[1]);
                case "pairs" -> pairs = !kv[1].equals("0");
                case "stems" -> stems = !kv[1].equals("0");
                case "shape" -> shape = !kv[1].equals("0");
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "lr" -> lr = Double.parseDouble(kv[1]);
                case "l2" -> l2 = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException(part);
            }
        }
        return new TrainingOptions(bits, pairs, stems, shape, epochs, lr, l2, d.seed());
    }
}
