package org.supportdesk.search;

/** A search query that cannot be read: what is wrong and where (1-based, in characters). */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message, null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
