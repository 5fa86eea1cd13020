package org.supportdesk.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.supportdesk.classification.CompiledRules.CompiledPreference;
import org.supportdesk.classification.PhraseIndex.Hits;

/**
 * Rules-based ticket classifier: suggests a category and a priority from the words of a ticket and explains why.
 * Deterministic, free of I/O after construction, immutable and safe to share between threads. See
 * {@code docs/CLASSIFICATION.md} for the rules and the rules file format.
 */
public final class Classifier {

    /** The classpath resource with the rules that ship with the service. */
    static final String DEFAULT_RULES = "/classification/default-rules.json";

    /** Confidence when no category keyword matched: below 0.5, so such a suggestion reads as a guess. */
    static final double NO_MATCH_CONFIDENCE = 0.3;

    private static final Set<String> CATEGORY_NAMES =
            Collections.unmodifiableSet(new LinkedHashSet<>(RuleSet.CATEGORIES));
    private static final Set<String> PRIORITY_NAMES =
            Collections.unmodifiableSet(new LinkedHashSet<>(RuleSet.PRIORITIES));
    private static final int OTHER = RuleSet.CATEGORIES.indexOf(RuleSet.FALLBACK_CATEGORY);
    private static final int DEFAULT_PRIORITY = RuleSet.PRIORITIES.indexOf(RuleSet.DEFAULT_PRIORITY);

    private final CompiledRules rules;
    /** Per-thread working space of the tokenizer, so that classifying allocates little besides its result. */
    private final ThreadLocal<Vocabulary.Scratch> scratch;

    private Classifier(CompiledRules rules) {
        this.rules = rules;
        this.scratch = ThreadLocal.withInitial(rules.vocabulary::scratch);
    }

    /** The classifier with the rules shipped in the jar ({@value #DEFAULT_RULES}); built once, then shared. */
    public static Classifier withDefaultRules() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * A classifier with an operator's own rules. The reader is read to the end and not closed.
     *
     * @throws RulesFormatException if the rules are malformed; the message names the key, line and problem
     */
    public static Classifier fromRules(Reader rules) {
        return new Classifier(new CompiledRules(RulesReader.read(rules)));
    }

    /** Classifies a ticket; {@code null} subject or description count as empty text. */
    public Classification classify(String subject, String description) {
        String first = subject == null ? "" : subject;
        String second = description == null ? "" : description;
        Vocabulary.Scratch scratch = this.scratch.get();
        int[] words = scratch.words(first.length() + second.length() + 1);
        int count = rules.vocabulary.tokenize(first, words, 0, scratch);
        count = rules.vocabulary.tokenize(second, words, count, scratch);
        Hits categoryHits = rules.categoryIndex.match(words, count);
        Hits priorityHits = rules.priorityIndex.match(words, count);

        int[] matches = new int[RuleSet.CATEGORIES.size()];
        for (int i = 0; i < categoryHits.size(); i++) {
            matches[rules.categoryOfTerm[categoryHits.term(i)]]++;
        }
        boolean[] beaten = new boolean[matches.length];
        for (CompiledPreference preference : rules.preferences) {
            if (matches[preference.prefer()] > 0 && anyMatched(preference.triggers(), categoryHits)) {
                for (int loser : preference.over()) {
                    beaten[loser] = true;
                }
            }
        }
        int byCount = best(matches, new boolean[matches.length]);
        int chosen = best(matches, beaten);
        if (chosen < 0) {
            chosen = byCount;
        }
        int priority = priorityHits.size() == 0 ? DEFAULT_PRIORITY : Integer.MAX_VALUE;
        for (int i = 0; i < priorityHits.size(); i++) {
            priority = Math.min(priority, rules.priorityOfTerm[priorityHits.term(i)]);
        }

        Explanation explanation = new Explanation(rules, categoryHits, priorityHits, matches);
        if (chosen < 0) {
            return new Classification(
                    RuleSet.FALLBACK_CATEGORY,
                    RuleSet.PRIORITIES.get(priority),
                    NO_MATCH_CONFIDENCE,
                    explanation.sentence(OTHER, -1, priority),
                    explanation.keywords());
        }
        int others = 0;
        for (int category = 0; category < matches.length; category++) {
            if (category != chosen && matches[category] > 0) {
                others++;
            }
        }
        return new Classification(
                RuleSet.CATEGORIES.get(chosen),
                RuleSet.PRIORITIES.get(priority),
                confidence(matches[chosen], others),
                explanation.sentence(chosen, byCount, priority),
                explanation.keywords());
    }

    /** The category names the rules know, {@code other} included, in the order of SPEC §1. */
    public Set<String> categories() {
        return CATEGORY_NAMES;
    }

    /** The priority names, most pressing first. */
    public Set<String> priorities() {
        return PRIORITY_NAMES;
    }

    /**
     * The seed's formula: 0.5, plus 0.1 per matched keyword of the chosen category, at most 1.0; then minus 0.1 per other
     * category that also matched; kept within [0, 1]. Computed in tenths, so the result is exact to two decimals.
     */
    static double confidence(int matches, int otherCategories) {
        int tenths = Math.min(10, 5 + matches) - otherCategories;
        return Math.max(0, Math.min(10, tenths)) / 10.0;
    }

    /** The category with most matches, ties settled by the tie order; -1 when none matched. */
    private int best(int[] matches, boolean[] excluded) {
        int best = -1;
        for (int category : rules.tieOrder) {
            if (matches[category] > 0 && !excluded[category] && (best < 0 || matches[category] > matches[best])) {
                best = category;
            }
        }
        return best;
    }

    private static boolean anyMatched(int[] terms, Hits hits) {
        for (int term : terms) {
            if (hits.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private static final class DefaultHolder {
        static final Classifier INSTANCE = load();

        private static Classifier load() {
            InputStream in = Classifier.class.getResourceAsStream(DEFAULT_RULES);
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RULES + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return fromRules(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
