package org.supportdesk.search;

import java.util.List;

/**
 * A parsed search query: the words ({@code null} when there are none) and the fields. Words and
 * fields combine with AND. {@code matchesNothing} when what must match was only words without a
 * letter or digit ({@code 😀}): no ticket holds them (see WordlessWords).
 */
public record SearchQuery(Text text, List<FieldTerm> fields, boolean matchesNothing) {

    public SearchQuery {
        fields = List.copyOf(fields);
    }

    /** True when the query has words that must match, so that matches can be ranked and highlighted. */
    public boolean ranked() {
        return text != null && Text.hasPositive(text);
    }

    /**
     * The query in one form for every way of writing it (spaces, AND written or not, the fields in
     * any order): what a relevance cursor is bound to, so that it is good only for this query.
     */
    public String canonical() {
        var written = fields.stream().map(FieldTerm::toString).sorted().toList();
        return text + " " + written + (matchesNothing ? " none" : "");
    }

    public static SearchQuery parse(String query) {
        return new QueryParser(query).parse();
    }
}
