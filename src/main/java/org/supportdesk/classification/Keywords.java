package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supportdesk.classification.RuleSet.Keyword;

/**
 * How keywords and ticket text are cut into words, and which spellings one keyword stands for.
 *
 * <p>Words are runs of letters and digits, lower-cased; an apostrophe between two letters is dropped ({@code can't}
 * and {@code cant} are one word; curly apostrophes count too). Everything else separates words. A keyword of several
 * words also matches them written together ({@code log in} matches {@code login}, {@code log-in} and {@code log_in}),
 * a word marked with a trailing {@code +} also matches its inflections (see {@link #inflections}), and a word listed in
 * the rules' {@code equivalents} also matches the phrases given there.
 */
final class Keywords {

    /** More spellings than this for one keyword is a mistake in the rules, not a useful keyword. */
    private static final int MAX_VARIANTS = 4096;

    private Keywords() {}

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc';
    }

    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** The words of a text, normalised; a {@code +} is a separator here. */
    static List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        for (Word word : split(text)) {
            words.add(word.text());
        }
        return words;
    }

    /** The keyword reduced to its words, used to compare keywords with each other. */
    static String canonical(Keyword keyword) {
        return String.join(" ", tokens(keyword.text()));
    }

    /** The keyword as reported to people: lower case, without inflection marks, single spaces. */
    static String display(Keyword keyword) {
        return keyword.text().replace("+", "").trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Every word sequence the keyword matches; the first is the keyword as written.
     *
     * @throws RulesFormatException if a {@code +} does not directly follow a word or there are far too many spellings
     */
    static List<List<String>> variants(Keyword keyword, Map<String, List<String>> equivalents) {
        List<Word> words = split(keyword.text());
        checkMarks(keyword);
        List<List<List<String>>> slots = new ArrayList<>();
        long count = 1;
        for (Word word : words) {
            Set<List<String>> alternatives = new LinkedHashSet<>();
            alternatives.add(List.of(word.text()));
            if (word.inflect()) {
                inflections(word.text()).forEach(form -> alternatives.add(List.of(form)));
            }
            for (String phrase : equivalents.getOrDefault(word.text(), List.of())) {
                alternatives.add(List.of(phrase.split(" ")));
            }
            slots.add(new ArrayList<>(alternatives));
            count *= alternatives.size() * 2L;
            if (count > MAX_VARIANTS * 2L) {
                throw RulesFormatException.at(
                        keyword.where(),
                        "\"" + keyword.text() + "\" expands to more than " + MAX_VARIANTS
                                + " spellings; split it or use fewer equivalents");
            }
        }
        Set<List<String>> variants = new LinkedHashSet<>();
        expand(slots, 0, new ArrayList<>(), false, variants);
        return new ArrayList<>(variants);
    }

    /**
     * The inflected forms a word marked with {@code +} also matches, by fixed suffix rules: {@code -s} and {@code -es};
     * {@code -ed} and {@code -ing} ({@code -d} and {@code e}-dropping {@code -ing} for words ending in {@code e});
     * {@code -ies}/{@code -ied} for a consonant followed by {@code y}; and a doubled final consonant before {@code -ed}
     * and {@code -ing} for consonant-vowel-consonant endings ({@code log} gives {@code logged}, {@code logging}).
     * Forms that are not English words are harmless: they never occur in text.
     */
    static Set<String> inflections(String word) {
        Set<String> forms = new LinkedHashSet<>();
        int n = word.length();
        char last = word.charAt(n - 1);
        forms.add(word + "s");
        forms.add(word + "es");
        if (last == 'e') {
            forms.add(word + "d");
            forms.add(word.substring(0, n - 1) + "ing");
        } else {
            forms.add(word + "ed");
            forms.add(word + "ing");
        }
        if (last == 'y' && n > 1 && !isVowel(word.charAt(n - 2))) {
            String stem = word.substring(0, n - 1);
            forms.add(stem + "ies");
            forms.add(stem + "ied");
        }
        if (n >= 3
                && !isVowel(last)
                && "wxy".indexOf(last) < 0
                && isVowel(word.charAt(n - 2))
                && !isVowel(word.charAt(n - 3))) {
            forms.add(word + last + "ed");
            forms.add(word + last + "ing");
        }
        forms.remove(word);
        return forms;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static void expand(
            List<List<List<String>>> slots, int slot, List<String> prefix, boolean join, Set<List<String>> out) {
        if (slot == slots.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (List<String> alternative : slots.get(slot)) {
            List<String> next = new ArrayList<>(prefix);
            if (join) {
                next.set(next.size() - 1, next.get(next.size() - 1) + alternative.get(0));
                next.addAll(alternative.subList(1, alternative.size()));
            } else {
                next.addAll(alternative);
            }
            expand(slots, slot + 1, next, false, out);
            if (slot + 1 < slots.size()) {
                expand(slots, slot + 1, next, true, out);
            }
        }
    }

    private static void checkMarks(Keyword keyword) {
        String text = keyword.text();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '+' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                throw RulesFormatException.at(
                        keyword.where(), "in \"" + text + "\" the '+' inflection mark must directly follow a word");
            }
        }
    }

    private record Word(String text, boolean inflect) {}

    private static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                current.append(lower(c));
            } else if (isApostrophe(c) && current.length() > 0 && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                continue;
            } else if (current.length() > 0) {
                words.add(new Word(current.toString(), c == '+'));
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            words.add(new Word(current.toString(), false));
        }
        return words;
    }
}
