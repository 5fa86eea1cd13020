package org.supportdesk.imports;

import java.util.UUID;

/**
 * The ticket ids an import file gives, each with the row that gave it first, so that an id given
 * again is that record's error rather than the store's key refusing the whole file. A ticket of the
 * file stored in an earlier batch is not in the committed store yet, so looking there cannot tell.
 *
 * <p>Open addressing over plain arrays, 20 bytes a slot, a quarter to half full (40-80 bytes an
 * id): a file of 300,000 records with ids (about what fits the 100 MB upload limit) takes 12-24 MB,
 * where a {@code HashMap<UUID, Integer>} takes about 90 bytes an entry (node, UUID, boxed row; an
 * estimate from object sizes, not measured). Files without ids (most) take nothing.
 */
final class FileIds {

    private long[] high = new long[0];
    private long[] low = new long[0];
    private int[] rows = new int[0];
    private int size;

    /** Records {@code row}'s id; answers the row that gave it before, or 0 if none did. */
    int firstRowOf(UUID id, int row) {
        if (2 * (size + 1) > rows.length) {
            grow();
        }
        int slot = find(high, low, rows, id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (rows[slot] != 0) {
            return rows[slot];
        }
        high[slot] = id.getMostSignificantBits();
        low[slot] = id.getLeastSignificantBits();
        rows[slot] = row;
        size++;
        return 0;
    }

    /** The slot of the id, or the empty one where it goes (rows are 1-based: 0 is empty). */
    private static int find(long[] high, long[] low, int[] rows, long h, long l) {
        int mask = rows.length - 1;
        long mixed = (h ^ l) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> 32) & mask;
        while (rows[slot] != 0 && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int capacity = Math.max(64, rows.length * 2);
        long[] newHigh = new long[capacity];
        long[] newLow = new long[capacity];
        int[] newRows = new int[capacity];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 0) {
                int slot = find(newHigh, newLow, newRows, high[i], low[i]);
                newHigh[slot] = high[i];
                newLow[slot] = low[i];
                newRows[slot] = rows[i];
            }
        }
        high = newHigh;
        low = newLow;
        rows = newRows;
    }
}
