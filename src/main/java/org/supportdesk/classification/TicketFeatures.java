package org.supportdesk.classification;

/**
 * Reads a ticket as the model sees it: hashed features of its words (once more for the subject's words), their light
 * stems, pairs of adjacent words, and the text's form (question or exclamation marks, capitals, length). Words are cut as the rules cut them ({@link Keywords}): runs of letters and
 * digits, lower-cased, an apostrophe inside a word dropped. Features are hashed into {@code 2^hashBits} buckets (no
 * dictionary to store or look up), so a word never seen in training simply lands in a bucket with little weight.
 *
 * <p>Each feature remembers its source (a word or a word pair), so that a prediction can name the
 * words that weighed most. Not thread-safe: one {@link Features} per thread.
 */
final class TicketFeatures {

    /** The source of a feature no word explains (the text's form): it is never named as a reason. */
    static final int NO_SOURCE = Integer.MIN_VALUE;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int WORD = 1;
    private static final int SUBJECT_WORD = 2;
    private static final int PAIR = 3;
    private static final int STEM = 6;
    private static final int SHAPE = 7;
    /** Longer runs (URLs, pasted hashes) are words but are not stemmed. */
    private static final int MAX_STEM_WORD = 32;

    private final TrainingOptions options;
    private final int shift;

    TicketFeatures(TrainingOptions options) {
        this.options = options;
        this.shift = 64 - options.hashBits();
    }

    int buckets() {
        return 1 << options.hashBits();
    }

    /**
     * Fills {@code out} with the features of one ticket: distinct buckets with their sublinear term frequency {@code 1
     * + ln(count)}.
     */
    void extract(String subject, String description, Features out) {
        out.reset(subject, description);
        int shape = tokenize(subject, 0, true, out) | tokenize(description, subject.length() + 1, false, out);
        if (options.shape()) {
            shapeFeatures(shape, out);
        }
        out.countOccurrences();
    }

    /** Cuts one text into words and adds their features; returns the {@code SHAPE_} flags seen. */
    private int tokenize(String text, int offset, boolean subject, Features out) {
        char[] word = out.word;
        int n = text.length();
        char[] chars = out.chars(n);
        text.getChars(0, n, chars, 0);
        int length = 0;
        int start = 0;
        int uppers = 0;
        int shape = 0;
        long hash = FNV_OFFSET;
        long previous = 0;
        boolean hasPrevious = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? chars[i] : ' ';
            if (Keywords.isWordChar(c)) {
                char lower = Keywords.lower(c);
                if (length == 0) {
                    start = i;
                    uppers = 0;
                }
                uppers += lower != c ? 1 : 0;
                if (length < word.length) {
                    word[length] = lower;
                }
                length++;
                hash = (hash ^ lower) * FNV_PRIME;
            } else if (c == '?' || c == '!') {
                shape |= c == '?' ? QUESTION : (i > 0 && chars[i - 1] == '!') ? EXCLAMATIONS : EXCLAMATION;
            }
            if (!Keywords.isWordChar(c) && length > 0) {
                if (Keywords.isApostrophe(c) && i + 1 < n && Keywords.isWordChar(chars[i + 1])) {
                    continue;
                }
                int source = 2 * out.addToken(offset + start, offset + i, hash);
                out.add(bucket(mix(hash, WORD)), source);
                if (subject) {
                    out.add(bucket(mix(hash, SUBJECT_WORD)), source);
                }
                if (options.wordPairs() && hasPrevious) {
                    out.add(bucket(mix(previous * 31 + hash, PAIR)), source + 1);
                }
                if (options.stems() && length <= MAX_STEM_WORD) {
                    int stem = stemLength(word, length);
                    if (stem < length) {
                        out.add(bucket(mix(hash(word, stem), STEM)), source);
                    }
                }
                if (uppers >= 3 && uppers == length) {
                    shape |= SHOUTING;
                }
                previous = hash;
                hasPrevious = true;
                length = 0;
                hash = FNV_OFFSET;
            }
        }
        return shape;
    }

    private static final int QUESTION = 1;
    private static final int EXCLAMATION = 2;
    private static final int EXCLAMATIONS = 4;
    private static final int SHOUTING = 8;

    /**
     * Features of the ticket's form rather than its words, which tell priority: a question, exclamation marks, a word
     * in capitals, and the length in words (a one-line note reads differently from a long report).
     */
    private void shapeFeatures(int shape, Features out) {
        for (int flag = QUESTION; flag <= SHOUTING; flag <<= 1) {
            if ((shape & flag) != 0) {
                out.add(bucket(mix(flag, SHAPE)), NO_SOURCE);
            }
        }
        int length = out.tokens < 8 ? 16 : out.tokens < 20 ? 17 : out.tokens < 45 ? 18 : 19;
        out.add(bucket(mix(length, SHAPE)), NO_SOURCE);
    }

    /**
     * A light stemmer: the length of the word without one common English ending ({@code -ing}, {@code -ed}, {@code
     * -es}, {@code -s}, {@code -ly}), so that {@code charged}, {@code charges} and {@code charging} share a feature.
     * Words of four letters or fewer are kept whole.
     */
    static int stemLength(char[] word, int length) {
        if (length <= 4) {
            return length;
        }
        if (endsWith(word, length, "ing") && length > 5) {
            return length - 3;
        }
        if (endsWith(word, length, "ed") || endsWith(word, length, "es") || endsWith(word, length, "ly")) {
            return length - 2;
        }
        if (word[length - 1] == 's' && word[length - 2] != 's') {
            return length - 1;
        }
        return length;
    }

    private static boolean endsWith(char[] word, int length, String suffix) {
        int from = length - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (word[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The hash a word gets in the text: of its lower-case letters and digits, apostrophes left out. */
    static long wordHash(String word) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Keywords.isWordChar(c)) {
                hash = (hash ^ Keywords.lower(c)) * FNV_PRIME;
            }
        }
        return hash;
    }

    private static long hash(char[] word, int length) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ word[i]) * FNV_PRIME;
        }
        return hash;
    }

    private int bucket(long hash) {
        return (int) (hash >>> shift);
    }

    /** Spreads a hash over all 64 bits (the murmur3 finaliser), salted by the kind of feature. */
    private static long mix(long hash, int kind) {
        long h = hash ^ (kind * 0x9E3779B97F4A7C15L);
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Word tokens' spans in {@code subject + "\n" + description}, for naming them in reasons. */
    static String tokenText(Features features, int token) {
        int start = features.tokenStart[token];
        int end = features.tokenEnd[token];
        int subjectLength = features.subject.length();
        String text = start < subjectLength
                ? features.subject.substring(start, end)
                : features.description.substring(start - subjectLength - 1, end - subjectLength - 1);
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
