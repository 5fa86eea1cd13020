package org.supportdesk.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * The `sla` list filter as bounds on the stored `sla_due_at`, fixed when the request is bound:
 * `breached` is a next due time before now, `due_soon` one from now to now plus the due-soon
 * window. Computed against the clock at query time; nothing marks tickets in the background.
 */
record SlaCondition(Long dueFrom, long dueBefore, boolean indexed) {

    enum Kind implements Labelled {
        BREACHED("breached"),
        DUE_SOON("due_soon");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    static SlaCondition of(Kind kind, Instant now, Duration dueSoon) {
        if (kind == null) {
            return null;
        }
        long at = now.toEpochMilli();
        return kind == Kind.BREACHED
                ? new SlaCondition(null, at, true)
                : new SlaCondition(at, at + dueSoon.toMillis(), true);
    }

    /**
     * The same condition, kept from using the index of `sla_due_at` (SQL's unary plus, which
     * both databases read as the column itself): a page then walks the index of its sort order.
     */
    SlaCondition unindexed() {
        return new SlaCondition(dueFrom, dueBefore, false);
    }

    void addTo(Where where) {
        String column = indexed ? "sla_due_at" : "+sla_due_at";
        where.and(column + " >= ?", dueFrom).and(column + " < ?", dueBefore);
    }
}
