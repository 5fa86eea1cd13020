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

    private final char[][] keys;
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
        ids = new int[capacity];
        mask = capacity - 1;
        int max = 0;
        List<String> all = new ArrayList<>(words);
        all.addAll(fillers);
        for (int i = 0; i < all.size(); i++) {
            char[] key = all.get(i).toCharArray();
            int slot = mix(hash(key)) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = i < words.size() ? i : FILLER;
            max = Math.max(max, key.length);
        }
        longest = max;
    }

    /**
     * Appends the ids of the words of {@code text} to {@code out}, starting at {@code count}.
     *
     * @param out room for at least {@link #maxTokens} of the text more ids
     * @param word scratch space of at least {@link #scratchSize} chars
     * @return the new count
     */
    int tokenize(String text, int[] out, int count, char[] word) {
        int n = text.length();
        int length = 0;
        int hash = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Keywords.isWordChar(c)) {
                if (length < word.length) {
                    char lower = Keywords.lower(c);
                    word[length] = lower;
                    hash = 31 * hash + lower;
                }
                length++;
            } else if (length > 0) {
                if (Keywords.isApostrophe(c) && i + 1 < n && Keywords.isWordChar(text.charAt(i + 1))) {
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

    private static int append(int[] out, int count, int id) {
        if (id == FILLER) {
            return count;
        }
        out[count] = id;
        return count + 1;
    }

    /** An upper bound of the number of words in a text of this many chars. */
    static int maxTokens(int chars) {
        return (chars + 1) / 2;
    }

    int scratchSize() {
        return longest + 1;
    }

    private int find(char[] word, int length, int hash) {
        int slot = mix(hash) & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == length && same(key, word)) {
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
