package org.supportdesk.classification;

/**
 * The training examples' features, packed so that 100,000 tickets train in a small heap: per example one int per
 * distinct feature (bucket in the high bits, occurrence count in the low 8), plus the factor that scales the example's
 * vector to length 1. Values are expanded one example at a time while training.
 */
final class TrainingSet {

    private static final int COUNT_BITS = 8;
    private static final int MAX_COUNT = (1 << COUNT_BITS) - 1;

    private final int[][] packed;
    private final float[] scale;
    private final float[] idf;
    /** {@code 1 + ln(count)} for every count that fits. */
    private final float[] termFrequency = new float[MAX_COUNT + 1];

    TrainingSet(int[][] packed, float[] idf) {
        this.packed = packed;
        this.idf = idf;
        for (int c = 1; c <= MAX_COUNT; c++) {
            termFrequency[c] = (float) (1 + Math.log(c));
        }
        this.scale = new float[packed.length];
        for (int i = 0; i < packed.length; i++) {
            double norm = 0;
            for (int feature : packed[i]) {
                double v = termFrequency[feature & MAX_COUNT] * idf[feature >>> COUNT_BITS];
                norm += v * v;
            }
            scale[i] = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        }
    }

    /** One example's features, bucket and occurrence count in one int. */
    static int pack(int bucket, int count) {
        return (bucket << COUNT_BITS) | Math.min(count, MAX_COUNT);
    }

    int examples() {
        return packed.length;
    }

    /** The largest number of features of one example: the room {@link #expand} needs. */
    int widest() {
        int widest = 0;
        for (int[] features : packed) {
            widest = Math.max(widest, features.length);
        }
        return widest;
    }

    /** Writes example i's buckets and values (as {@link Features#weigh} gives them) and returns how many. */
    int expand(int i, int[] buckets, float[] values) {
        int[] features = packed[i];
        float s = scale[i];
        for (int j = 0; j < features.length; j++) {
            int bucket = features[j] >>> COUNT_BITS;
            buckets[j] = bucket;
            values[j] = termFrequency[features[j] & MAX_COUNT] * idf[bucket] * s;
        }
        return features.length;
    }
}
