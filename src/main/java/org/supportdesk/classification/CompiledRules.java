package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supportdesk.classification.RuleSet.Keyword;
import org.supportdesk.classification.RuleSet.Preference;

/**
 * A {@link RuleSet} turned into lookup tables. Categories and priorities are referred to by their index in
 * {@link RuleSet#CATEGORIES} and {@link RuleSet#PRIORITIES}; keywords by a term id per table.
 */
final class CompiledRules {

    final Vocabulary vocabulary;
    final PhraseIndex categoryIndex;
    final PhraseIndex priorityIndex;
    /** Per category term id: the keyword as shown to people, and its category index. */
    final String[] categoryTerms;

    final int[] categoryOfTerm;
    /** Per priority term id: the keyword as shown to people, and its priority index. */
    final String[] priorityTerms;

    final int[] priorityOfTerm;
    /** Category indexes, the one that wins a tie first. */
    final int[] tieOrder;

    final List<CompiledPreference> preferences;

    /** An overlap rule with indexes: when any trigger term matched, {@code prefer} beats each of {@code over}. */
    record CompiledPreference(int prefer, int[] over, int[] triggers) {}

    private final Set<String> fillerWords;

    CompiledRules(RuleSet rules) {
        PhraseIndex.Builder categories = new PhraseIndex.Builder();
        PhraseIndex.Builder priorities = new PhraseIndex.Builder();
        Map<String, List<String>> equivalents = rules.equivalents();
        fillerWords = rules.fillerWords();
        List<String> categoryNames = new ArrayList<>();
        List<Integer> categoryGroups = new ArrayList<>();
        Map<String, Integer> termOfCanonical = new HashMap<>();
        List<Runnable> spellings = new ArrayList<>();
        for (int group = 0; group < RuleSet.CATEGORIES.size(); group++) {
            String category = RuleSet.CATEGORIES.get(group);
            for (Keyword keyword : rules.categories().get(category)) {
                int term = categoryNames.size();
                categoryNames.add(Keywords.display(keyword));
                categoryGroups.add(group);
                termOfCanonical.put(category + ":" + Keywords.canonical(keyword), term);
                add(categories, keyword, term, equivalents, spellings);
            }
        }
        List<String> priorityNames = new ArrayList<>();
        List<Integer> priorityGroups = new ArrayList<>();
        for (int group = 0; group < RuleSet.PRIORITIES.size(); group++) {
            for (Keyword keyword : rules.priorities().get(RuleSet.PRIORITIES.get(group))) {
                int term = priorityNames.size();
                priorityNames.add(Keywords.display(keyword));
                priorityGroups.add(group);
                add(priorities, keyword, term, equivalents, spellings);
            }
        }
        for (Keyword keyword : rules.ignore()) {
            add(categories, keyword, PhraseIndex.IGNORED, equivalents, spellings);
            add(priorities, keyword, PhraseIndex.IGNORED, equivalents, spellings);
        }
        spellings.forEach(Runnable::run);

        Map<String, Integer> words = new LinkedHashMap<>();
        categories.collectWords(words);
        priorities.collectWords(words);
        vocabulary = new Vocabulary(new ArrayList<>(words.keySet()), fillerWords);
        categoryIndex = categories.build(words, categoryNames.size());
        priorityIndex = priorities.build(words, priorityNames.size());
        categoryTerms = categoryNames.toArray(String[]::new);
        categoryOfTerm = categoryGroups.stream().mapToInt(Integer::intValue).toArray();
        priorityTerms = priorityNames.toArray(String[]::new);
        priorityOfTerm = priorityGroups.stream().mapToInt(Integer::intValue).toArray();
        tieOrder =
                rules.tieOrder().stream().mapToInt(RuleSet.CATEGORIES::indexOf).toArray();
        preferences = new ArrayList<>();
        for (Preference preference : rules.preferences()) {
            int[] triggers = preference.whenAny().stream()
                    .mapToInt(k -> termOfCanonical.get(preference.prefer() + ":" + Keywords.canonical(k)))
                    .toArray();
            int[] over = preference.over().stream()
                    .mapToInt(RuleSet.CATEGORIES::indexOf)
                    .toArray();
            preferences.add(new CompiledPreference(RuleSet.CATEGORIES.indexOf(preference.prefer()), over, triggers));
        }
    }

    /** Adds the keyword as written now, and its other spellings later, after every keyword as written. */
    private void add(
            PhraseIndex.Builder index,
            Keyword keyword,
            int term,
            Map<String, List<String>> equivalents,
            List<Runnable> spellings) {
        List<List<String>> variants = Keywords.variants(keyword, equivalents);
        for (List<String> variant : variants) {
            for (String word : variant) {
                if (fillerWords.contains(word)) {
                    throw RulesFormatException.at(
                            keyword.where(),
                            "\"" + keyword.text() + "\" contains the filler word \"" + word
                                    + "\", which is skipped in ticket text; leave it out of the keyword");
                }
            }
        }
        index.addWritten(variants.get(0), term, keyword);
        spellings.add(() ->
                variants.subList(1, variants.size()).forEach(variant -> index.addSpelling(variant, term, keyword)));
    }
}
