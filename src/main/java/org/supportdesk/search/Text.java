package org.supportdesk.search;

import java.util.List;

/**
 * The words part of a search query, as a tree: what must (or must not) appear in a ticket's text.
 * Fields ({@code status:new}) are not in it: they are {@link FieldTerm}s beside it.
 */
public sealed interface Text {

    /** A word, matched with stemming; with {@code prefix}, any word that starts with it. */
    record Word(String text, boolean prefix) implements Text {}

    /** Words in this order, next to each other: {@code "charged twice"}. */
    record Phrase(String text) implements Text {}

    /** Must not match: {@code -refund}. */
    record Not(Text operand) implements Text {}

    /** Every part must match: words side by side. */
    record All(List<Text> parts) implements Text {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part must match: {@code refund OR chargeback}. */
    record Any(List<Text> parts) implements Text {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /** True when some word must match, so that the matches can be ranked; false for "none of these". */
    static boolean hasPositive(Text text) {
        if (text instanceof Not) {
            return false;
        }
        if (text instanceof All all) {
            return all.parts().stream().anyMatch(Text::hasPositive);
        }
        if (text instanceof Any any) {
            return any.parts().stream().anyMatch(Text::hasPositive);
        }
        return true;
    }
}
