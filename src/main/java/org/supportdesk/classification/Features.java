package org.supportdesk.classification;

import java.util.Arrays;

/**
 * The features of one ticket, filled by {@link TicketFeatures#extract}: unique hashed buckets (ascending) with their
 * values. Also keeps where each feature came from, so that a prediction can
 * say which words weighed most. A working buffer, reused for ticket after ticket by one thread.
 */
final class Features {

    String subject = "";
    String description = "";
    final char[] word = new char[32];

    int tokens;
    int[] tokenStart = new int[64];
    int[] tokenEnd = new int[64];

    private int raw;
    private int[] rawBucket = new int[256];
    private int[] rawSource = new int[256];
    private long[] keys = new long[256];

    /** Unique features: {@code [0, size)}. */
    int size;

    int[] bucket = new int[256];
    float[] value = new float[256];
    /** For feature j, its occurrences are {@code keys[groupStart[j] .. groupStart[j + 1])}. */
    private int[] groupStart = new int[257];

    void reset(String subject, String description) {
        this.subject = subject;
        this.description = description;
        tokens = 0;
        raw = 0;
        size = 0;
    }

    /** Records a word's span; returns its token index. */
    int addToken(int start, int end) {
        tokenStart = TicketFeatures.grow(tokenStart, tokens + 1);
        tokenEnd = TicketFeatures.grow(tokenEnd, tokens + 1);
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        return tokens++;
    }

    void addText(int hashedBucket, int source) {
        if (raw == rawBucket.length) {
            rawBucket = Arrays.copyOf(rawBucket, raw * 2);
            rawSource = Arrays.copyOf(rawSource, raw * 2);
        }
        rawBucket[raw] = hashedBucket;
        rawSource[raw] = source;
        raw++;
    }

    /** Sorts the occurrences by bucket and counts them: value {@code 1 + ln(count)} per distinct bucket. */
    void groupText() {
        if (keys.length < raw) {
            keys = new long[Math.max(raw, keys.length * 2)];
        }
        for (int i = 0; i < raw; i++) {
            keys[i] = ((long) rawBucket[i] << 32) | i;
        }
        Arrays.sort(keys, 0, raw);
        ensure(raw);
        int unique = 0;
        int from = 0;
        while (from < raw) {
            int b = (int) (keys[from] >>> 32);
            int to = from + 1;
            while (to < raw && (int) (keys[to] >>> 32) == b) {
                to++;
            }
            bucket[unique] = b;
            value[unique] = (float) (1 + Math.log(to - from));
            groupStart[unique] = from;
            unique++;
            from = to;
        }
        groupStart[unique] = raw;
        size = unique;
    }

    /** How many occurrences the unique feature j stands for. */
    int occurrences(int j) {
        return groupStart[j + 1] - groupStart[j];
    }

    /**
     * The source of the o-th occurrence of unique feature j: 2 × token for a word, 2 × token + 1 for the pair ending
     * there, {@link TicketFeatures#NO_SOURCE} for the text's form.
     */
    int source(int j, int o) {
        return rawSource[(int) keys[groupStart[j] + o]];
    }

    private void ensure(int capacity) {
        if (bucket.length < capacity) {
            int grown = Math.max(capacity, bucket.length * 2);
            bucket = Arrays.copyOf(bucket, grown);
            value = Arrays.copyOf(value, grown);
            groupStart = Arrays.copyOf(groupStart, grown + 1);
        }
    }

    /**
     * Turns term frequencies into the model's input: each value times its bucket's idf, the vector scaled to length 1
     * (a long ticket does not shout louder than a short one). Works on this buffer's arrays or on a stored copy.
     */
    static void weigh(int[] buckets, float[] values, int size, float[] idf) {
        double norm = 0;
        for (int j = 0; j < size; j++) {
            float v = values[j] * idf[buckets[j]];
            values[j] = v;
            norm += (double) v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int j = 0; j < size; j++) {
            values[j] *= scale;
        }
    }
}
