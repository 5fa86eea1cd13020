package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Names the words behind a prediction: each feature's pull towards the chosen label ({@link ScoringTable#pull}) is
 * added to the word or word pair it came from (a stem and a subject word count for their word), and the words that
 * pulled most are named, strongest first.
 */
final class Reasons {

    static final int MAX = 3;

    /** Words too common to be a reason a person can read, though their weights are used like any other. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "i", "im", "ive", "me", "my", "we", "our", "us", "you", "your", "it", "its", "is", "are",
            "was", "were", "be", "been", "am", "to", "of", "in", "on", "at", "for", "and", "or", "but", "with", "this",
            "that", "have", "has", "had", "do", "does", "did", "can", "could", "would", "will", "so", "as", "by",
            "from", "there", "they", "them", "he", "she", "his", "her", "what", "when", "how", "why", "if", "then",
            "than", "all", "any", "some", "no", "not", "yes", "just", "get", "got", "please", "hi", "hello", "thanks");

    /** The function words' hashes, sorted: a token is checked without making a string of it. */
    private static final long[] FUNCTION_HASHES =
            FUNCTION_WORDS.stream().mapToLong(TicketFeatures::wordHash).sorted().toArray();

    private Reasons() {}

    static List<String> top(Features f, ScoringTable table, Field field, int label) {
        double[] byToken = f.pulls(2 * f.tokens);
        for (int j = 0; j < f.size; j++) {
            int source = f.source(j);
            if (source >= 0) {
                byToken[source] += table.pull(field, f, j, label);
            }
        }
        int candidates = 2 * MAX;
        double[] bestPull = new double[candidates];
        int[] bestSource = new int[candidates];
        Arrays.fill(bestSource, TicketFeatures.NO_SOURCE);
        for (int s = 0; s < 2 * f.tokens; s++) {
            if (byToken[s] > 0
                    && (bestSource[candidates - 1] == TicketFeatures.NO_SOURCE
                            || byToken[s] > bestPull[candidates - 1])) {
                offer(byToken[s], s, bestPull, bestSource);
            }
        }
        List<String> reasons = new ArrayList<>(MAX);
        for (int c = 0; c < candidates && reasons.size() < MAX; c++) {
            String text = describe(f, bestSource[c]);
            if (text != null && !reasons.contains(text)) {
                reasons.add(text);
            }
        }
        return reasons;
    }

    /** Keeps the strongest positive pulls, in descending order (insertion into a short sorted array). */
    private static void offer(double pull, int source, double[] bestPull, int[] bestSource) {
        int at = bestPull.length;
        while (at > 0 && (bestSource[at - 1] == TicketFeatures.NO_SOURCE || bestPull[at - 1] < pull)) {
            at--;
        }
        if (at == bestPull.length) {
            return;
        }
        System.arraycopy(bestPull, at, bestPull, at + 1, bestPull.length - at - 1);
        System.arraycopy(bestSource, at, bestSource, at + 1, bestSource.length - at - 1);
        bestPull[at] = pull;
        bestSource[at] = source;
    }

    private static String describe(Features f, int source) {
        if (source < 0) {
            return null;
        }
        int token = source / 2;
        if (source % 2 == 0) {
            return common(f, token) ? null : TicketFeatures.tokenText(f, token);
        }
        if (common(f, token - 1) && common(f, token)) {
            return null;
        }
        return TicketFeatures.tokenText(f, token - 1) + " " + TicketFeatures.tokenText(f, token);
    }

    private static boolean common(Features f, int token) {
        return Arrays.binarySearch(FUNCTION_HASHES, f.tokenHash[token]) >= 0;
    }
}
