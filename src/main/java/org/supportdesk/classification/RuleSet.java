package org.supportdesk.classification;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rules file after its structure has been checked: names are known, sections present, keywords non-empty.
 *
 * @param categories keywords per category, in the order of {@link #CATEGORIES}
 * @param tieOrder every category once; on equal match counts the earlier one wins
 * @param preferences overlap rules that let one category win over others whatever the counts
 * @param priorities keywords per priority, in the order of {@link #PRIORITIES}; a priority the file leaves out has none
 * @param ignore phrases that count for nothing but hide the keywords inside them
 * @param equivalents words (after normalisation) and the phrases that a keyword containing the word also matches
 * @param fillerWords words skipped in ticket text before matching ({@code really}, {@code very}), so that {@code would
 *     be really helpful} matches {@code would be helpful}; no keyword may contain one
 */
record RuleSet(
        Map<String, List<Keyword>> categories,
        List<String> tieOrder,
        List<Preference> preferences,
        Map<String, List<Keyword>> priorities,
        List<Keyword> ignore,
        Map<String, List<String>> equivalents,
        Set<String> fillerWords) {

    /** The categories of SPEC §1, in their documented order. */
    static final List<String> CATEGORIES =
            List.of("account_access", "technical_issue", "billing_question", "feature_request", "bug_report", "other");

    /** The category chosen when no keyword matches. */
    static final String FALLBACK_CATEGORY = "other";

    /** The priorities from most to least pressing; the first one with a match wins. */
    static final List<String> PRIORITIES = List.of("urgent", "high", "medium", "low");

    /** The priority chosen when no priority keyword matches. */
    static final String DEFAULT_PRIORITY = "medium";

    /**
     * One keyword as written in the rules file.
     *
     * @param text the keyword, e.g. {@code "crash+"} or {@code "can't log+ in"}
     * @param where its place in the file, e.g. {@code categories.bug_report[2] (line 14)}
     */
    record Keyword(String text, String where) {}

    /**
     * An overlap rule: when any of {@code whenAny} matched, {@code prefer} beats every category in {@code over}.
     *
     * @param whenAny keywords of the {@code prefer} category, as written there
     */
    record Preference(String prefer, List<String> over, List<Keyword> whenAny) {}
}
