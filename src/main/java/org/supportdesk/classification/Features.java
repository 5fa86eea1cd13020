package org.supportdesk.classification;

import java.util.Arrays;

/**
 * The features of one ticket, filled by {@link TicketFeatures#extract}: distinct hashed buckets, in order of first
 * occurrence, with their values. Occurrences of the same bucket are merged through a small open-addressing table as
 * they come (cheaper than sorting them, which took a fifth of a prediction), and each occurrence keeps its source so
 * that a prediction can say which words weighed most. A working buffer, reused ticket after ticket by one thread.
 */
final class Features {

    String subject = "";
    String description = "";
    final char[] word = new char[32];

    int tokens;
    int[] tokenStart = new int[64];
    int[] tokenEnd = new int[64];

    /** Distinct features: {@code [0, size)}. */
    int size;

    int[] bucket = new int[256];
    float[] value = new float[256];
    private int[] count = new int[256];
    /** Per distinct feature: its latest occurrence; per occurrence: the one before, -1 at the end. */
    private int[] last = new int[256];

    private int raw;
    private int[] previous = new int[256];
    private int[] rawSource = new int[256];

    /** Slot -> distinct feature + 1 (0: free); per distinct feature, its slot, so that reset clears only those. */
    private int[] slots = new int[1024];

    private int[] slotOf = new int[256];

    private static final float[] TERM_FREQUENCY = new float[64];

    static {
        for (int c = 1; c < TERM_FREQUENCY.length; c++) {
            TERM_FREQUENCY[c] = (float) (1 + Math.log(c));
        }
    }

    void reset(String subject, String description) {
        this.subject = subject;
        this.description = description;
        for (int j = 0; j < size; j++) {
            slots[slotOf[j]] = 0;
        }
        tokens = 0;
        raw = 0;
        size = 0;
    }

    /** Records a word's span; returns its token index. */
    int addToken(int start, int end) {
        if (tokens == tokenStart.length) {
            tokenStart = Arrays.copyOf(tokenStart, tokens * 2);
            tokenEnd = Arrays.copyOf(tokenEnd, tokens * 2);
        }
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        return tokens++;
    }

    /** Adds one occurrence of a bucket, found by {@code source} (see {@link #source}). */
    void add(int hashedBucket, int source) {
        if (raw == previous.length) {
            previous = Arrays.copyOf(previous, raw * 2);
            rawSource = Arrays.copyOf(rawSource, raw * 2);
        }
        int mask = slots.length - 1;
        int slot = (hashedBucket * 0x9E3779B9) >>> 16 & mask;
        int j;
        while ((j = slots[slot] - 1) >= 0 && bucket[j] != hashedBucket) {
            slot = (slot + 1) & mask;
        }
        if (j < 0) {
            j = newFeature(hashedBucket, slot);
        }
        rawSource[raw] = source;
        previous[raw] = last[j];
        last[j] = raw;
        count[j]++;
        raw++;
    }

    private int newFeature(int hashedBucket, int slot) {
        if (size == bucket.length) {
            int grown = size * 2;
            bucket = Arrays.copyOf(bucket, grown);
            value = Arrays.copyOf(value, grown);
            count = Arrays.copyOf(count, grown);
            last = Arrays.copyOf(last, grown);
            slotOf = Arrays.copyOf(slotOf, grown);
        }
        int j = size++;
        bucket[j] = hashedBucket;
        count[j] = 0;
        last[j] = -1;
        slots[slot] = j + 1;
        slotOf[j] = slot;
        if (size * 2 > slots.length) {
            rehash();
        }
        return j;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < size; j++) {
            int slot = (bucket[j] * 0x9E3779B9) >>> 16 & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = j + 1;
            slotOf[j] = slot;
        }
    }

    /** Sets each distinct feature's value to its sublinear term frequency {@code 1 + ln(count)}. */
    void countOccurrences() {
        for (int j = 0; j < size; j++) {
            int c = count[j];
            value[j] = c < TERM_FREQUENCY.length ? TERM_FREQUENCY[c] : (float) (1 + Math.log(c));
        }
    }

    /** How many occurrences the distinct feature j stands for. */
    int occurrences(int j) {
        return count[j];
    }

    /** The latest occurrence of distinct feature j; walk on with {@link #before}. */
    int lastOccurrence(int j) {
        return last[j];
    }

    /** The occurrence of the same feature before this one, -1 if none. */
    int before(int occurrence) {
        return previous[occurrence];
    }

    /**
     * Where an occurrence came from: 2 × token for a word, 2 × token + 1 for the word pair ending there, {@link
     * TicketFeatures#NO_SOURCE} for the text's form.
     */
    int source(int occurrence) {
        return rawSource[occurrence];
    }

    /**
     * Turns term frequencies into the model's input: each value times its bucket's idf, the vector scaled to length 1
     * (a long ticket does not shout louder than a short one).
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
