package org.supportdesk.tickets;

/**
 * The newest matches of a search below a bound, up to a rank window of them ({@link RankWindows}):
 * how many, and the oldest and newest keys (SearchSql.windowKey).
 */
record WindowSpan(long count, long oldest, long newest) {

    /** The low bound of the window they make: the oldest key, or NONE when they are fewer than a window. */
    long low(int size) {
        return count < size ? RankWindows.NONE : oldest;
    }
}
