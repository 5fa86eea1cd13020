package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.classification.CompiledRules.CompiledPreference;
import org.supportdesk.classification.PhraseIndex.Hits;

/** Turns the matches of one ticket into the keyword list and the one-sentence reasoning of its classification. */
final class Explanation {

    private final CompiledRules rules;
    private final Hits categoryHits;
    private final Hits priorityHits;
    private final int[] matches;

    Explanation(CompiledRules rules, Hits categoryHits, Hits priorityHits, int[] matches) {
        this.rules = rules;
        this.categoryHits = categoryHits;
        this.priorityHits = priorityHits;
        this.matches = matches;
    }

    /** Distinct matched keywords, category and priority ones merged, in order of first appearance in the text. */
    List<String> keywords() {
        List<String> keywords = new ArrayList<>(categoryHits.size() + priorityHits.size());
        int c = 0;
        int p = 0;
        while (c < categoryHits.size() || p < priorityHits.size()) {
            boolean takeCategory = p == priorityHits.size()
                    || (c < categoryHits.size() && categoryHits.position(c) <= priorityHits.position(p));
            String keyword = takeCategory
                    ? rules.categoryTerms[categoryHits.term(c++)]
                    : rules.priorityTerms[priorityHits.term(p++)];
            if (!keywords.contains(keyword)) {
                keywords.add(keyword);
            }
        }
        return keywords;
    }

    /**
     * The reasoning sentence.
     *
     * @param chosen the chosen category index
     * @param byCount the category that most matches alone would have chosen, -1 if none matched
     * @param priority the chosen priority index
     */
    String sentence(int chosen, int byCount, int priority) {
        StringBuilder out = new StringBuilder(160);
        if (byCount < 0) {
            out.append("No category keywords found, so the ticket is filed as ").append(RuleSet.FALLBACK_CATEGORY);
        } else {
            out.append("Classified as ").append(RuleSet.CATEGORIES.get(chosen)).append(" because the text mentions ");
            quoted(out, categoryTerms(chosen));
            appendOthers(out, chosen);
            if (byCount != chosen) {
                appendPreference(out, chosen, byCount);
            } else if (tied(chosen)) {
                out.append(", and the tie goes to ")
                        .append(RuleSet.CATEGORIES.get(chosen))
                        .append(" by the tie order");
            }
        }
        out.append("; priority ").append(RuleSet.PRIORITIES.get(priority));
        List<String> reasons = priorityTerms(priority);
        if (reasons.isEmpty()) {
            out.append(" by default");
        } else {
            out.append(" because of ");
            quoted(out, reasons);
        }
        return out.append('.').toString();
    }

    private void appendOthers(StringBuilder out, int chosen) {
        boolean first = true;
        for (int category : rules.tieOrder) {
            if (category == chosen || matches[category] == 0) {
                continue;
            }
            List<String> terms = categoryTerms(category);
            out.append(first ? "; " : ", ");
            quoted(out, terms);
            if (first) {
                out.append(terms.size() == 1 ? " also points to " : " also point to ");
            } else {
                out.append(" to ");
            }
            out.append(RuleSet.CATEGORIES.get(category));
            first = false;
        }
    }

    private boolean tied(int chosen) {
        for (int category = 0; category < matches.length; category++) {
            if (category != chosen && matches[category] == matches[chosen]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names the overlap rule that ruled out {@code loser}, the category most matches alone would have chosen: {@code ,
     * but "steps to reproduce" makes it bug_report rather than technical_issue}, or, when the rule favours a category
     * that in turn had fewer matches than the chosen one, {@code ... puts bug_report ahead of technical_issue}.
     */
    private void appendPreference(StringBuilder out, int chosen, int loser) {
        for (CompiledPreference preference : rules.preferences) {
            if (matches[preference.prefer()] == 0 || !contains(preference.over(), loser)) {
                continue;
            }
            for (int term : preference.triggers()) {
                if (categoryHits.contains(term)) {
                    out.append(", but ");
                    quoted(out, List.of(rules.categoryTerms[term]));
                    out.append(preference.prefer() == chosen ? " makes it " : " puts ")
                            .append(RuleSet.CATEGORIES.get(preference.prefer()))
                            .append(preference.prefer() == chosen ? " rather than " : " ahead of ")
                            .append(RuleSet.CATEGORIES.get(loser));
                    return;
                }
            }
        }
        throw new IllegalStateException("no overlap rule explains why " + RuleSet.CATEGORIES.get(loser) + " lost");
    }

    private List<String> categoryTerms(int category) {
        List<String> terms = new ArrayList<>(4);
        for (int i = 0; i < categoryHits.size(); i++) {
            if (rules.categoryOfTerm[categoryHits.term(i)] == category) {
                terms.add(rules.categoryTerms[categoryHits.term(i)]);
            }
        }
        return terms;
    }

    private List<String> priorityTerms(int priority) {
        List<String> terms = new ArrayList<>(2);
        for (int i = 0; i < priorityHits.size(); i++) {
            if (rules.priorityOfTerm[priorityHits.term(i)] == priority) {
                terms.add(rules.priorityTerms[priorityHits.term(i)]);
            }
        }
        return terms;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code "a"}, {@code "a" and "b"}, or {@code "a", "b" and "c"}. */
    private static void quoted(StringBuilder out, List<String> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(i == terms.size() - 1 ? " and " : ", ");
            }
            out.append('"').append(terms.get(i)).append('"');
        }
    }
}
