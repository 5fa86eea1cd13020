package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supportdesk.classification.RuleSet.Keyword;

/**
 * Finds keyword phrases in a sequence of word ids: leftmost-longest, so at each position the longest phrase that
 * matches wins and the words it covers are not matched again ({@code payment failed} hides {@code failed}).
 * Phrases are looked up by their first word, longest first; no regular expressions.
 */
final class PhraseIndex {

    /** The payload of a phrase that matches but counts for nothing (the rules' {@code ignore} list). */
    static final int IGNORED = -1;

    private static final int[] NONE = new int[0];

    private final int[][] byFirstWord;
    private final int[][] phrases;
    private final int[] payloads;
    private final int termCount;

    private PhraseIndex(int[][] byFirstWord, int[][] phrases, int[] payloads, int termCount) {
        this.byFirstWord = byFirstWord;
        this.phrases = phrases;
        this.payloads = payloads;
        this.termCount = termCount;
    }

    /** The distinct terms found in {@code words[0..count)}, in order of first appearance. */
    Hits match(int[] words, int count) {
        Hits hits = new Hits(termCount);
        int i = 0;
        while (i < count) {
            int word = words[i];
            int[] candidates = word < 0 ? NONE : byFirstWord[word];
            int matched = 0;
            for (int candidate : candidates) {
                int[] phrase = phrases[candidate];
                if (phrase.length <= count - i && matchesAt(phrase, words, i)) {
                    hits.add(payloads[candidate], i);
                    matched = phrase.length;
                    break;
                }
            }
            i += matched > 0 ? matched : 1;
        }
        return hits;
    }

    private static boolean matchesAt(int[] phrase, int[] words, int start) {
        for (int k = 1; k < phrase.length; k++) {
            if (words[start + k] != phrase[k]) {
                return false;
            }
        }
        return true;
    }

    /** The terms one text matched, each once, with the word position of its first match. */
    static final class Hits {
        private final boolean[] seen;
        private int[] terms = new int[8];
        private int[] positions = new int[8];
        private int size;

        Hits(int termCount) {
            seen = new boolean[termCount];
        }

        private void add(int term, int position) {
            if (term == IGNORED || seen[term]) {
                return;
            }
            seen[term] = true;
            if (size == terms.length) {
                terms = java.util.Arrays.copyOf(terms, size * 2);
                positions = java.util.Arrays.copyOf(positions, size * 2);
            }
            terms[size] = term;
            positions[size] = position;
            size++;
        }

        int size() {
            return size;
        }

        int term(int index) {
            return terms[index];
        }

        int position(int index) {
            return positions[index];
        }

        boolean contains(int term) {
            return seen[term];
        }
    }

    /**
     * Collects phrases before the vocabulary is known. A keyword as written must be unique; a generated spelling
     * (inflection, joined words, equivalent) that another keyword already has is skipped, so add every keyword as
     * written first.
     */
    static final class Builder {
        private final Map<List<String>, Entry> entries = new LinkedHashMap<>();

        private record Entry(int payload, Keyword keyword) {}

        void addWritten(List<String> words, int payload, Keyword keyword) {
            Entry previous = entries.putIfAbsent(words, new Entry(payload, keyword));
            if (previous != null) {
                throw RulesFormatException.at(
                        keyword.where(),
                        "\"" + keyword.text() + "\" is the same keyword as \""
                                + previous.keyword().text() + "\" at "
                                + previous.keyword().where());
            }
        }

        void addSpelling(List<String> words, int payload, Keyword keyword) {
            entries.putIfAbsent(words, new Entry(payload, keyword));
        }

        void collectWords(Map<String, Integer> vocabulary) {
            entries.keySet().forEach(words -> words.forEach(word -> vocabulary.putIfAbsent(word, vocabulary.size())));
        }

        PhraseIndex build(Map<String, Integer> vocabulary, int termCount) {
            int[][] phrases = new int[entries.size()][];
            int[] payloads = new int[entries.size()];
            List<List<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < vocabulary.size(); i++) {
                starts.add(new ArrayList<>());
            }
            int number = 0;
            for (Map.Entry<List<String>, Entry> entry : entries.entrySet()) {
                phrases[number] =
                        entry.getKey().stream().mapToInt(vocabulary::get).toArray();
                payloads[number] = entry.getValue().payload();
                starts.get(phrases[number][0]).add(number);
                number++;
            }
            int[][] byFirstWord = new int[vocabulary.size()][];
            for (int word = 0; word < byFirstWord.length; word++) {
                byFirstWord[word] = starts.get(word).stream()
                        .sorted(Comparator.comparingInt((Integer p) -> -phrases[p].length))
                        .mapToInt(Integer::intValue)
                        .toArray();
            }
            return new PhraseIndex(byFirstWord, phrases, payloads, termCount);
        }
    }
}
