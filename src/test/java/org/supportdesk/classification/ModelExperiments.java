package org.supportdesk.classification;

import java.util.*;

/** Not a test: the learners and variants tried in phase B (docs/CLASSIFICATION.md), each scored by 5-fold cross-validation on the training four fifths only (never the held-out fifth), model alone. Run with {@code java -cp ... org.supportdesk.classification.ModelExperiments lr,lr+nb.2,stack [-Dset=eight] [-Dpool=1]}. */
public final class ModelExperiments {
    static final int BITS = 18, B = 1 << BITS;
    static List<Example> ex;
    static int n;
    static int[][] idx;
    static int[][] cnt;
    static int[] cat, pri;
    static Classification[] ruled;
    static int OWN;

    public static void main(String[] a) {
        var set = System.getProperty("set", "one").equals("one") ? LabelledSet.ONE_TEAM : LabelledSet.EIGHT_TEAMS;
        ex = new ArrayList<>(LabelledSet.examples(set.training()));
        n = ex.size();
        int own = n;
        if (System.getProperty("pool") != null) {
            ex.addAll(LabelledSet.examples(LabelledSet.EIGHT_TEAMS.all()));
            n = ex.size();
        }
        OWN = own;
        TrainingOptions o = TrainingOptions.defaults();
        TicketFeatures tf = new TicketFeatures(o);
        Features f = new Features();
        idx = new int[n][];
        cnt = new int[n][];
        cat = new int[n];
        pri = new int[n];
        ruled = new Classification[n];
        Classifier rules = Classifier.withDefaultRules();
        for (int i = 0; i < n; i++) {
            Example e = ex.get(i);
            tf.extract(e.subject(), e.description(), f);
            idx[i] = Arrays.copyOf(f.bucket, f.size);
            cnt[i] = new int[f.size];
            for (int j = 0; j < f.size; j++) cnt[i][j] = f.occurrences(j);
            cat[i] = Field.CATEGORY.labels().indexOf(e.category());
            pri[i] = Field.PRIORITY.labels().indexOf(e.priority());
            ruled[i] = rules.classify(e.subject(), e.description());
        }
        int[] fold = new int[n];
        int[] f0 = CrossValidation.folds(ex.subList(0, OWN), 5);
        for (int i = 0; i < n; i++) fold[i] = i < OWN ? f0[i] : -1;
        for (String v : a[0].split(",")) run(v, fold);
    }

    record Vec(int[] i, float[] v) {}

    static Vec[] vectors(boolean[] train, double idfPow) {
        int[] df = new int[B];
        int m = 0;
        for (int i = 0; i < n; i++)
            if (train[i]) {
                m++;
                for (int b : idx[i]) df[b]++;
            }
        Vec[] out = new Vec[n];
        for (int i = 0; i < n; i++) {
            float[] v = new float[idx[i].length];
            double norm = 0;
            for (int j = 0; j < v.length; j++) {
                double idf = Math.log((m + 1.0) / (df[idx[i][j]] + 1.0)) + 1;
                v[j] = (float) ((1 + Math.log(cnt[i][j])) * Math.pow(idf, idfPow));
                norm += v[j] * v[j];
            }
            float s = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < v.length; j++) v[j] *= s;
            out[i] = new Vec(idx[i], v);
        }
        return out;
    }

    /** Softmax by AdaGrad SGD with optional class weights and extra dense features. */
    static double[][] lr(
            Vec[] x,
            int[] y,
            int k,
            boolean[] train,
            int epochs,
            double rate,
            double l2,
            double[] classWeight,
            double[][] extra,
            double extraScale) {
        int ex2 = extra == null ? 0 : extra[0].length;
        float[] w = new float[B * k], g2 = new float[B * k];
        double[] bias = new double[k], bg2 = new double[k];
        double[] we = new double[ex2 * k], we2 = new double[ex2 * k];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) if (train[i]) order.add(i);
        Random r = new Random(20261101L);
        double[] p = new double[k];
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, r);
            for (int i : order) {
                score(x[i], w, bias, we, extra == null ? null : extra[i], extraScale, k, p);
                softmax(p);
                double cw = classWeight == null ? 1 : classWeight[y[i]];
                p[y[i]] -= 1;
                for (int j = 0; j < x[i].i().length; j++) {
                    int row = x[i].i()[j] * k;
                    for (int c = 0; c < k; c++) {
                        float gg = (float) (cw * p[c] * x[i].v()[j] + l2 * w[row + c]);
                        g2[row + c] += gg * gg;
                        w[row + c] -= (float) (rate * gg / (Math.sqrt(g2[row + c]) + 1e-6));
                    }
                }
                for (int j = 0; j < ex2; j++)
                    for (int c = 0; c < k; c++) {
                        double gg = cw * p[c] * extra[i][j] * extraScale + l2 * we[j * k + c];
                        we2[j * k + c] += gg * gg;
                        we[j * k + c] -= rate * gg / (Math.sqrt(we2[j * k + c]) + 1e-6);
                    }
                for (int c = 0; c < k; c++) {
                    double gg = cw * p[c];
                    bg2[c] += gg * gg;
                    bias[c] -= rate * gg / (Math.sqrt(bg2[c]) + 1e-6);
                }
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] q = new double[k];
            score(x[i], w, bias, we, extra == null ? null : extra[i], extraScale, k, q);
            out[i] = q;
        }
        return out; // raw scores
    }

    static void score(Vec x, float[] w, double[] bias, double[] we, double[] extra, double es, int k, double[] p) {
        for (int c = 0; c < k; c++) p[c] = bias[c];
        for (int j = 0; j < x.i().length; j++) {
            int row = x.i()[j] * k;
            for (int c = 0; c < k; c++) p[c] += x.v()[j] * w[row + c];
        }
        if (extra != null)
            for (int j = 0; j < extra.length; j++) for (int c = 0; c < k; c++) p[c] += extra[j] * es * we[j * k + c];
    }

    static void softmax(double[] p) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : p) m = Math.max(m, v);
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - m);
            s += p[c];
        }
        for (int c = 0; c < p.length; c++) p[c] /= s;
    }

    /** Multinomial NB log-probabilities on tf (binary) features. */
    static double[][] nb(int[] y, int k, boolean[] train, double alpha) {
        double[][] fc = new double[k][B];
        double[] tot = new double[k];
        double[] prior = new double[k];
        for (int i = 0; i < n; i++)
            if (train[i]) {
                prior[y[i]]++;
                for (int b : idx[i]) {
                    fc[y[i]][b]++;
                    tot[y[i]]++;
                }
            }
        double[][] out = new double[n][k];
        int V = 0;
        boolean[] seen = new boolean[B];
        for (int i = 0; i < n; i++)
            if (train[i])
                for (int b : idx[i])
                    if (!seen[b]) {
                        seen[b] = true;
                        V++;
                    }
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) {
                double s = Math.log(prior[c] + 1);
                for (int b : idx[i]) if (seen[b]) s += Math.log((fc[c][b] + alpha) / (tot[c] + alpha * V));
                out[i][c] = s;
            }
        return out;
    }

    static int argmax(double[] p) {
        int b = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[b]) b = c;
        return b;
    }

    static double[] probs(double[] s, double t) {
        double[] p = new double[s.length];
        for (int c = 0; c < s.length; c++) p[c] = s[c] / t;
        softmax(p);
        return p;
    }

    static void run(String variant, int[] fold) {
        int rightC = 0, rightP = 0;
        for (int f = 0; f < 5; f++) {
            boolean[] train = new boolean[n];
            for (int i = 0; i < n; i++) train[i] = fold[i] != f;
            Vec[] x = vectors(train, 1);
            double[][] sc = predict(variant, "c", x, cat, 6, train);
            double[][] sp = predict(variant, "p", x, pri, 4, train);
            for (int i = 0; i < n; i++)
                if (!train[i]) {
                    if (argmax(sc[i]) == cat[i]) rightC++;
                    if (argmax(sp[i]) == pri[i]) rightP++;
                }
        }
        System.out.printf(
                Locale.ROOT,
                "%-28s category %.3f priority %.3f%n",
                variant,
                rightC / (double) OWN,
                rightP / (double) OWN);
    }

    static double[][] predict(String v, String field, Vec[] x, int[] y, int k, boolean[] train) {
        switch (v) {
            case "lr":
                return lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0);
            case "lr-balanced":
                return lr(x, y, k, train, 10, 0.5, 3e-5, balance(y, k, train, 1), null, 0);
            case "lr-sqrtbal":
                return lr(x, y, k, train, 10, 0.5, 3e-5, balance(y, k, train, 0.5), null, 0);
            case "nb":
                return nb(y, k, train, 0.5);
            case "nb0.1":
                return nb(y, k, train, 0.1);
            case "lr+nb":
                return mix(lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0), nb(y, k, train, 0.5), 0.5, 0.1);
            case "lr+nb.2":
                return mix(lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0), nb(y, k, train, 0.5), 0.5, 0.2);
            case "lr+nb.05":
                return mix(lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0), nb(y, k, train, 0.5), 0.5, 0.05);
            case "stack": {
                if (field.equals("c")) return lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0);
                double[][] cp = oofCategory(x, train);
                return lr(x, y, k, train, 10, 0.5, 3e-5, null, cp, 0.5);
            }
            case "stack1": {
                if (field.equals("c")) return lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0);
                double[][] cp = oofCategory(x, train);
                return lr(x, y, k, train, 10, 0.5, 3e-5, null, cp, 1);
            }
            case "goldcat": { // upper bound: priority with the true category
                if (field.equals("c")) return lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0);
                double[][] cp = new double[n][6];
                for (int i = 0; i < n; i++) cp[i][cat[i]] = 1;
                return lr(x, y, k, train, 10, 0.5, 3e-5, null, cp, 1);
            }
            case "stack+nb": {
                if (field.equals("c"))
                    return mix(lr(x, y, k, train, 10, 0.5, 3e-5, null, null, 0), nb(y, k, train, 0.5), 0.5, 0.2);
                double[][] cp = oofCategory(x, train);
                return mix(lr(x, y, k, train, 10, 0.5, 3e-5, null, cp, 1), nb(y, k, train, 0.5), 0.5, 0.2);
            }
            default:
                throw new IllegalArgumentException(v);
        }
    }

    static double[][] mix(double[][] lrScores, double[][] nbScores, double t, double wNb) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] p = probs(lrScores[i], t);
            double[] q = probs(nbScores[i], 1);
            out[i] = new double[p.length];
            for (int c = 0; c < p.length; c++) out[i][c] = (1 - wNb) * Math.log(p[c]) + wNb * Math.log(q[c] + 1e-12);
        }
        return out;
    }

    /** Category probabilities: out-of-fold (3 inner folds) on the training examples, a model of all of them elsewhere. */
    static double[][] oofCategory(Vec[] x, boolean[] train) {
        double[][] out = new double[n][];
        double[][] all = lr(x, cat, 6, train, 10, 0.5, 3e-5, null, null, 0);
        for (int i = 0; i < n; i++) if (!train[i]) out[i] = probs(all[i], 0.5);
        for (int g = 0; g < 3; g++) {
            boolean[] inner = new boolean[n];
            int seen = 0;
            int[] which = new int[n];
            for (int i = 0; i < n; i++) if (train[i]) which[i] = (seen++) % 3;
            for (int i = 0; i < n; i++) inner[i] = train[i] && which[i] != g;
            double[][] s = lr(x, cat, 6, inner, 10, 0.5, 3e-5, null, null, 0);
            for (int i = 0; i < n; i++) if (train[i] && which[i] == g) out[i] = probs(s[i], 0.5);
        }
        return out;
    }

    static double[] balance(int[] y, int k, boolean[] train, double pow) {
        double[] c = new double[k];
        int m = 0;
        for (int i = 0; i < n; i++)
            if (train[i]) {
                c[y[i]]++;
                m++;
            }
        double[] w = new double[k];
        for (int j = 0; j < k; j++) w[j] = Math.pow(m / (k * c[j]), pow);
        return w;
    }
}
