package org.supportdesk.classification;

import java.util.List;

/**
 * The classifier's decision for one ticket.
 *
 * @param category one of the rule file's categories, {@code other} when no category keyword matched
 * @param priority {@code urgent}, {@code high}, {@code medium} or {@code low}
 * @param confidence between 0 and 1, rounded to two decimals
 * @param reasoning one sentence a person can read
 * @param keywordsFound the distinct keywords that matched (category and priority), in order of first appearance
 */
public record Classification(
        String category, String priority, double confidence, String reasoning, List<String> keywordsFound) {

    public Classification {
        keywordsFound = List.copyOf(keywordsFound);
    }
}
