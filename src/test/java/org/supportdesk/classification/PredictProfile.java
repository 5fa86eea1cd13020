package org.supportdesk.classification;

import java.util.List;

/** Not a test: rough split of the prediction's time by stage, all in one process, back to back. */
public final class PredictProfile {
    public static void main(String[] args) {
        Classifier rules = Classifier.withDefaultRules();
        TrainedModel model = ModelTrainer.train(LabelledSet.examples(LabelledSet.all()), rules);
        List<LabelledSet.Ticket> all = LabelledSet.all();
        String[] s = new String[128];
        String[] d = new String[128];
        for (int i = 0; i < 128; i++) {
            s[i] = all.get(i * 7).subject();
            d[i] = (all.get(i * 7).description() + " " + all.get(i * 7 + 1).description() + " "
                    + all.get(i * 7 + 2).description());
            d[i] = d[i].substring(0, Math.min(d[i].length(), 299 - s[i].length()));
        }
        TicketFeatures reader = new TicketFeatures(model.options);
        Features f = new Features();
        float[] idf = TrainedModel.idf(model.documentFrequency, model.documents);
        double[] p = new double[6];
        for (int round = 0; round < 5; round++) {
            long sink = 0;
            int n = 200_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                reader.extract(s[i & 127], d[i & 127], f);
                sink += f.size;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                reader.extract(s[i & 127], d[i & 127], f);
                Features.weigh(f.bucket, f.value, f.size, idf);
                sink += model.fields[0].probabilities(f.bucket, f.value, f.size, p);
                sink += model.fields[1].probabilities(f.bucket, f.value, f.size, p);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += model.predict(s[i & 127], d[i & 127])
                        .category()
                        .topWords()
                        .size();
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += rules.classify(s[i & 127], d[i & 127]).keywordsFound().size();
            }
            long t4 = System.nanoTime();
            System.out.printf(
                    "extract %.2f us, +weigh+scores %.2f us, predict %.2f us, rules %.2f us (%d)%n",
                    (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n, sink);
        }
    }
}
