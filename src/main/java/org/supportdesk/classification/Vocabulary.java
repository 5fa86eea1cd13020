package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words that occur in any keyword, each with a dense id, and a tokenizer that turns ticket text into those ids
 * without creating a string per word. Words that no keyword uses become {@link #UNKNOWN}.
 */
final class Vocabulary {

    static final int UNKNOWN = -1;

    /** The id of a filler word: skipped, as if it were not in the text. */
    private static final int FILLER = -2;

    /** For ASCII chars: the lower-case char if it belongs to a word, else 0. */
    private static final char[] ASCII_WORD_CHARS = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD_CHARS[c] = Keywords.isWordChar(c) ? Keywords.lower(c) : 0;
        }
    }

    private final char[][] keys;
    private final int[] hashes;
    private final int[] ids;
    private final int mask;
    private final int longest;

    /**
     * @param words distinct normalised words; a word's id is its index in this list
     * @param fillers normalised words to skip in text; none of them in {@code words}
     */
    Vocabulary(List<String> words, Set<String> fillers) {
        int capacity = Integer.highestOneBit(Math.max(16, (words.size() + fillers.size()) * 4) - 1) << 1;
        keys = new char[capacity][];
        hashes = new int[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        int max = 0;
        List<String> all = new ArrayList<>(words);
        all.addAll(fillers);
        for (int i = 0; i < all.size(); i++) {
            char[] key = all.get(i).toCharArray();
            int hash = hash(key);
            int slot = mix(hash) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            ids[slot] = i < words.size() ? i : FILLER;
            max = Math.max(max, key.length);
        }
        longest = max;
    }

    /**
     * Appends the ids of the words of {@code text} to {@code out}, starting at {@code count}.
     *
     * @param out room for at least {@link #maxTokens} of the text more ids
     * @param scratch from {@link #scratch}, reused between calls of one thread
     * @return the new count
     */
    int tokenize(String text, int[] out, int count, Scratch scratch) {
        int n = text.length();
        char[] chars = scratch.chars(n);
        text.getChars(0, n, chars, 0);
        char[] word = scratch.word;
        int length = 0;
        int hash = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            char lower = c < 128 ? ASCII_WORD_CHARS[c] : Keywords.isWordChar(c) ? Keywords.lower(c) : 0;
            if (lower != 0) {
                if (length < word.length) {
                    word[length] = lower;
                    hash = 31 * hash + lower;
                }
                length++;
            } else if (length > 0) {
                if (Keywords.isApostrophe(c) && i + 1 < n && Keywords.isWordChar(chars[i + 1])) {
                    continue;
                }
                count = append(out, count, length > longest ? UNKNOWN : find(word, length, hash));
                length = 0;
                hash = 0;
            }
        }
        if (length > 0) {
            count = append(out, count, length > longest ? UNKNOWN : find(word, length, hash));
        }
        return count;
    }

    /** An upper bound of the number of words in a text of this many chars. */
    static int maxTokens(int chars) {
        return (chars + 1) / 2;
    }

    /** Working space for {@link #tokenize}; one per call or per thread, never shared between threads. */
    Scratch scratch() {
        return new Scratch(longest + 1);
    }

    static final class Scratch {
        private final char[] word;
        private char[] chars = new char[256];
        private int[] words = new int[256];

        private Scratch(int longestWord) {
            word = new char[longestWord];
        }

        private char[] chars(int length) {
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            return chars;
        }

        /** Room for the ids of a text of {@code chars} chars; the contents are left from earlier calls. */
        int[] words(int chars) {
            int needed = maxTokens(chars);
            if (words.length < needed) {
                words = new int[Math.max(needed, words.length * 2)];
            }
            return words;
        }
    }

    private static int append(int[] out, int count, int id) {
        if (id == FILLER) {
            return count;
        }
        out[count] = id;
        return count + 1;
    }

    private int find(char[] word, int length, int hash) {
        int slot = mix(hash) & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && key.length == length && same(key, word)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private static boolean same(char[] key, char[] word) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] key) {
        int hash = 0;
        for (char c : key) {
            hash = 31 * hash + c;
        }
        return hash;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
