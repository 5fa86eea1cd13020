package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.supportdesk.classification.RuleSet.Keyword;

/**
 * Finds keyword phrases in a sequence of word ids: leftmost-longest, so at each position the longest phrase that
 * matches wins and the words it covers are not matched again ({@code payment failed} hides {@code failed}).
 * The phrases form a trie over word ids (first level indexed directly, deeper levels by binary search); no regular
 * expressions, and the work per word does not grow with the number of keywords.
 */
final class PhraseIndex {

    /** The payload of a phrase that matches but counts for nothing (the rules' {@code ignore} list). */
    static final int IGNORED = -1;

    /** The payload of a trie node that ends no phrase. */
    private static final int NO_PHRASE = -2;

    private final int[] firstWordNode;
    private final int[][] childWords;
    private final int[][] childNodes;
    private final int[] payloads;
    private final int termCount;

    private PhraseIndex(int[] firstWordNode, int[][] childWords, int[][] childNodes, int[] payloads, int termCount) {
        this.firstWordNode = firstWordNode;
        this.childWords = childWords;
        this.childNodes = childNodes;
        this.payloads = payloads;
        this.termCount = termCount;
    }

    /** The distinct terms found in {@code words[0..count)}, in order of first appearance. */
    Hits match(int[] words, int count) {
        Hits hits = new Hits(termCount);
        int i = 0;
        while (i < count) {
            int word = words[i];
            int node = word < 0 ? -1 : firstWordNode[word];
            int length = 0;
            int payload = NO_PHRASE;
            for (int depth = 1; node >= 0; depth++) {
                if (payloads[node] != NO_PHRASE) {
                    length = depth;
                    payload = payloads[node];
                }
                node = i + depth < count ? child(node, words[i + depth]) : -1;
            }
            if (length > 0) {
                hits.add(payload, i);
                i += length;
            } else {
                i++;
            }
        }
        return hits;
    }

    private int child(int node, int word) {
        int[] keys = childWords[node];
        if (word < 0 || keys.length == 0) {
            return -1;
        }
        int at = Arrays.binarySearch(keys, word);
        return at < 0 ? -1 : childNodes[node][at];
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
                terms = Arrays.copyOf(terms, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
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
            List<TreeMap<Integer, Integer>> children = new ArrayList<>();
            List<Integer> payloads = new ArrayList<>();
            int[] firstWordNode = new int[vocabulary.size()];
            Arrays.fill(firstWordNode, -1);
            for (Map.Entry<List<String>, Entry> entry : entries.entrySet()) {
                List<String> words = entry.getKey();
                int first = vocabulary.get(words.get(0));
                if (firstWordNode[first] < 0) {
                    firstWordNode[first] = newNode(children, payloads);
                }
                int node = firstWordNode[first];
                for (String word : words.subList(1, words.size())) {
                    Integer next = children.get(node).get(vocabulary.get(word));
                    if (next == null) {
                        next = newNode(children, payloads);
                        children.get(node).put(vocabulary.get(word), next);
                    }
                    node = next;
                }
                payloads.set(node, entry.getValue().payload());
            }
            int[][] childWords = new int[children.size()][];
            int[][] childNodes = new int[children.size()][];
            for (int node = 0; node < children.size(); node++) {
                childWords[node] = children.get(node).keySet().stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                childNodes[node] = children.get(node).values().stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
            }
            return new PhraseIndex(
                    firstWordNode,
                    childWords,
                    childNodes,
                    payloads.stream().mapToInt(Integer::intValue).toArray(),
                    termCount);
        }

        private static int newNode(List<TreeMap<Integer, Integer>> children, List<Integer> payloads) {
            children.add(new TreeMap<>());
            payloads.add(NO_PHRASE);
            return children.size() - 1;
        }
    }
}
