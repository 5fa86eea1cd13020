package org.supportdesk.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a ticket's text that could tell it apart from others, for "similar tickets": each
 * word once, lower case, in order, without the English words every ticket has and without numbers
 * (a reference number makes a ticket unique, not similar).
 */
public final class Words {

    private static final Set<String> COMMON = Set.of(
            "about", "after", "again", "all", "also", "and", "any", "are", "back", "been", "but", "can", "cannot",
            "could", "did", "does", "doesn", "don", "for", "from", "get", "got", "had", "has", "have", "hello", "help",
            "her", "here", "him", "his", "how", "into", "its", "just", "know", "like", "more", "not", "now", "our",
            "out", "over", "please", "same", "see", "she", "should", "some", "still", "than", "thank", "thanks", "that",
            "the", "their", "them", "then", "there", "these", "they", "this", "too", "try", "tried", "was", "way",
            "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your");

    private Words() {}

    /** At most {@code max} words of {@code text} worth searching for, first come first. */
    public static List<String> distinctive(String text, int max) {
        var words = new LinkedHashSet<String>();
        int start = -1;
        for (int i = 0; i <= text.length() && words.size() < max; ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            // A combining mark belongs to the word it follows: नमस्ते is one word, not नमस and त.
            boolean inWord =
                    i < text.length() && (QueryLexer.isWordCharacter(cp) || (start >= 0 && QueryLexer.isMark(cp)));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (word.codePointCount(0, word.length()) >= 3
                        && !COMMON.contains(word)
                        && !word.chars().allMatch(Character::isDigit)) {
                    words.add(word);
                }
                start = -1;
            }
            i += Character.charCount(cp);
        }
        return new ArrayList<>(words);
    }
}
