package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Names the words behind a prediction: each feature's pull towards the chosen label ({@link ScoringTable#pull}) is
 * shared among the words and word pairs it came from (a stem counts for its word), and the sources that pulled most
 * are named, strongest first.
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

    private Reasons() {}

    static List<String> top(Features f, ScoringTable table, Field field, int label) {
        double[] byToken = new double[2 * f.tokens];
        for (int j = 0; j < f.size; j++) {
            double share = table.pull(field, f.bucket[j], f.value[j], label) / f.occurrences(j);
            for (int o = f.lastOccurrence(j); o >= 0; o = f.before(o)) {
                int source = f.source(o);
                if (source >= 0) {
                    byToken[source] += share;
                }
            }
        }
        int candidates = 2 * MAX;
        double[] bestPull = new double[candidates];
        int[] bestSource = new int[candidates];
        Arrays.fill(bestSource, TicketFeatures.NO_SOURCE);
        for (int s = 0; s < byToken.length; s++) {
            offer(byToken[s], s, bestPull, bestSource);
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
        if (pull <= 0) {
            return;
        }
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
        String word = TicketFeatures.tokenText(f, token);
        if (source % 2 == 0) {
            return common(word) ? null : word;
        }
        String previous = TicketFeatures.tokenText(f, token - 1);
        return common(previous) && common(word) ? null : previous + " " + word;
    }

    /** A function word, also when written with an apostrophe ({@code i'm}, {@code it’s}). */
    static boolean common(String word) {
        StringBuilder bare = null;
        for (int i = 0; i < word.length(); i++) {
            if (Keywords.isApostrophe(word.charAt(i))) {
                bare = new StringBuilder(word.length());
                for (int k = 0; k < word.length(); k++) {
                    if (!Keywords.isApostrophe(word.charAt(k))) {
                        bare.append(word.charAt(k));
                    }
                }
                break;
            }
        }
        return FUNCTION_WORDS.contains(bare == null ? word : bare.toString());
    }
}
