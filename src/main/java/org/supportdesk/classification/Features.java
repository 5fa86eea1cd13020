package org.supportdesk.classification;

import java.util.Arrays;
import java.util.List;

/**
 * The features of one ticket, filled by {@link TicketFeatures#extract}: unique hashed buckets with their values, the
 * text's first (ascending), then the rules'. Also keeps where each text feature came from, so that a prediction can
 * say which words weighed most. A working buffer, reused for ticket after ticket by one thread.
 */
final class Features {

    String subject = "";
    String description = "";
    List<String> keywords = List.of();
    final char[] word = new char[32];

    int tokens;
    int[] tokenStart = new int[64];
    int[] tokenEnd = new int[64];

    private int raw;
    private int[] rawBucket = new int[256];
    private int[] rawSource = new int[256];
    private long[] keys = new long[256];

    /** Unique features: the text's {@code [0, textSize)}, the rules' {@code [textSize, size)}. */
    int size;

    int textSize;
    int[] bucket = new int[256];
    float[] value = new float[256];
    /** For text feature j, its occurrences are {@code keys[groupStart[j] .. groupStart[j + 1])}. */
    private int[] groupStart = new int[257];

    private int[] ruleSource = new int[16];

    void reset(String subject, String description, List<String> keywords) {
        this.subject = subject;
        this.description = description;
        this.keywords = keywords;
        tokens = 0;
        raw = 0;
        size = 0;
        textSize = 0;
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

    /** Sorts the text's occurrences by bucket and counts them: value {@code 1 + ln(count)} per distinct bucket. */
    void groupText() {
        if (keys.length < raw) {
            keys = new long[Math.max(raw, keys.length * 2)];
        }
        for (int i = 0; i < raw; i++) {
            keys[i] = ((long) rawBucket[i] << 32) | i;
        }
        Arrays.sort(keys, 0, raw);
        ensure(raw + 16);
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
        textSize = unique;
        size = unique;
    }

    void addRule(int hashedBucket, int source) {
        ensure(size + 1);
        ruleSource = TicketFeatures.grow(ruleSource, size - textSize + 1);
        bucket[size] = hashedBucket;
        value[size] = 1;
        ruleSource[size - textSize] = source;
        size++;
    }

    /** How many occurrences the unique feature j stands for (1 for a rules feature). */
    int occurrences(int j) {
        return j < textSize ? groupStart[j + 1] - groupStart[j] : 1;
    }

    /** The source of the o-th occurrence of unique feature j: 2 × token for a word, 2 × token + 1 for the pair ending
     * there, -(k + 1) for the rules' k-th keyword, {@link TicketFeatures#NO_SOURCE} for the rules' decision. */
    int source(int j, int o) {
        return j < textSize ? rawSource[(int) keys[groupStart[j] + o]] : ruleSource[j - textSize];
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
     * Turns term frequencies into the model's input: text values times their idf, scaled to length 1; rules features
     * set to {@code rulesWeight}. Works on this buffer's arrays or on a stored copy.
     */
    static void weigh(int[] buckets, float[] values, int textSize, int size, float[] idf, float rulesWeight) {
        double norm = 0;
        for (int j = 0; j < textSize; j++) {
            float v = values[j] * idf[buckets[j]];
            values[j] = v;
            norm += (double) v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int j = 0; j < textSize; j++) {
            values[j] *= scale;
        }
        for (int j = textSize; j < size; j++) {
            values[j] = rulesWeight;
        }
    }
}
