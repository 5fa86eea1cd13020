package org.supportdesk.classification;

import java.util.Arrays;

/**
 * The features of one ticket, filled by {@link TicketFeatures#extract}: distinct hashed buckets, in order of first
 * occurrence, with their values. Occurrences of the same bucket are merged through a small open-addressing table as
 * they come (cheaper than sorting them, which took a fifth of a prediction), and each distinct feature keeps the source
 * of its first occurrence, so that a prediction can say which words weighed most (a repeated word or pair is the same
 * text wherever it occurs). A working buffer, reused ticket after ticket by one thread.
 */
final class Features {

    String subject = "";
    String description = "";
    final char[] word = new char[32];
    private char[] chars = new char[512];
    private double[] pulls = new double[128];

    int tokens;
    int[] tokenStart = new int[64];
    int[] tokenEnd = new int[64];
    /** Per token, the hash of its normalised text (as {@link TicketFeatures#wordHash} gives it). */
    long[] tokenHash = new long[64];

    /** Distinct features: {@code [0, size)}. */
    int size;

    int[] bucket = new int[256];
    float[] value = new float[256];
    private int[] count = new int[256];
    /** Per distinct feature, where its row starts in the model's {@link ScoringTable}. */
    private int[] row = new int[256];
    /** Per distinct feature, the source of its first occurrence (see {@link #source}). */
    private int[] source = new int[256];

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
        size = 0;
    }

    /** Records a word's span and hash; returns its token index. */
    int addToken(int start, int end, long hash) {
        if (tokens == tokenStart.length) {
            tokenStart = Arrays.copyOf(tokenStart, tokens * 2);
            tokenEnd = Arrays.copyOf(tokenEnd, tokens * 2);
            tokenHash = Arrays.copyOf(tokenHash, tokens * 2);
        }
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenHash[tokens] = hash;
        return tokens++;
    }

    /** Adds one occurrence of a bucket, found at {@code source} (see {@link #source}). */
    void add(int hashedBucket, int source) {
        int mask = slots.length - 1;
        int slot = (hashedBucket * 0x9E3779B9) >>> 16 & mask;
        int j;
        while ((j = slots[slot] - 1) >= 0 && bucket[j] != hashedBucket) {
            slot = (slot + 1) & mask;
        }
        if (j < 0) {
            j = newFeature(hashedBucket, slot, source);
        }
        count[j]++;
    }

    private int newFeature(int hashedBucket, int slot, int firstSource) {
        if (size == bucket.length) {
            int grown = size * 2;
            bucket = Arrays.copyOf(bucket, grown);
            value = Arrays.copyOf(value, grown);
            count = Arrays.copyOf(count, grown);
            row = Arrays.copyOf(row, grown);
            source = Arrays.copyOf(source, grown);
            slotOf = Arrays.copyOf(slotOf, grown);
        }
        int j = size++;
        bucket[j] = hashedBucket;
        count[j] = 0;
        source[j] = firstSource;
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

    /** Room for a text of this many chars, reused between tickets. */
    char[] chars(int length) {
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        return chars;
    }

    /** A zeroed array of at least this length, reused between calls. */
    double[] pulls(int length) {
        if (pulls.length < length) {
            pulls = new double[Math.max(length, pulls.length * 2)];
        } else {
            Arrays.fill(pulls, 0, length, 0);
        }
        return pulls;
    }

    int[] rows() {
        return row;
    }

    /** How many occurrences the distinct feature j stands for. */
    int occurrences(int j) {
        return count[j];
    }

    /**
     * Where the distinct feature j first occurred: 2 × token for a word, 2 × token + 1 for the word pair ending there,
     * {@link TicketFeatures#NO_SOURCE} for the text's form.
     */
    int source(int j) {
        return source[j];
    }
}
