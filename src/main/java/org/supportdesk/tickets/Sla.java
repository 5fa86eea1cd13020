package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's SLA clocks as stored (due times, the pauses while it waits on the customer) and as the
 * API shows them at a moment: which targets are breached and whether the clocks are paused.
 *
 * <p>The clocks stop while the ticket waits on the customer ({@code pausedAt}) and once it is
 * resolved or closed: a target is breached when it was met after its due time, or when it is not
 * met and the clocks stopped (or, running, now is) after its due time. A target already breached
 * when a pause begins stays breached (TicketSla moves only the others when the pause ends).
 */
record Sla(
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        List<String> breached,
        boolean paused,
        @JsonIgnore Instant pausedAt,
        @JsonIgnore long pausedMillis) {

    static final String FIRST_RESPONSE = "first_response";
    static final String RESOLUTION = "resolution";
    /**
     * Where `sla_due_at` puts a ticket none of whose targets runs: after every due time (2^62 ms
     * is 146 million years), in order of creation. Distinct values rather than one, so that the
     * index stays free of a huge group of ties and new tickets append to it.
     */
    static final long NO_DUE_TIME = 1L << 62;

    /** Outcomes of a target, as the stats count them: not decided yet, met in time, missed. */
    static final int OPEN = 0;

    static final int ACHIEVED = 1;
    static final int MISSED = 2;

    /** The clocks of a ticket whose first response and resolution are as given, seen at {@code now}. */
    static Sla of(
            Instant firstResponseDueAt,
            Instant resolutionDueAt,
            Instant pausedAt,
            long pausedMillis,
            Instant firstResponseAt,
            Instant resolvedAt,
            Instant now) {
        Instant stopped = resolvedAt != null ? resolvedAt : pausedAt != null ? pausedAt : now;
        var breached = new ArrayList<String>(2);
        if ((firstResponseAt != null ? firstResponseAt : stopped).isAfter(firstResponseDueAt)) {
            breached.add(FIRST_RESPONSE);
        }
        if ((resolvedAt != null ? resolvedAt : stopped).isAfter(resolutionDueAt)) {
            breached.add(RESOLUTION);
        }
        return new Sla(
                firstResponseDueAt, resolutionDueAt, List.copyOf(breached), pausedAt != null, pausedAt, pausedMillis);
    }

    /**
     * The next moment an open target falls due, as stored in `sla_due_at` for sla=breached,
     * sla=due_soon and sort=sla_due_at. None for a resolved ticket; while paused, only a target that
     * was breached before the pause began (it stays overdue). None is {@link #NO_DUE_TIME} plus the
     * creation time.
     */
    long nextDueMillis(Instant createdAt, Instant firstResponseAt, Instant resolvedAt) {
        long none = NO_DUE_TIME + createdAt.toEpochMilli();
        if (resolvedAt != null) {
            return none;
        }
        long next = none;
        if (firstResponseAt == null && runs(firstResponseDueAt)) {
            next = firstResponseDueAt.toEpochMilli();
        }
        if (runs(resolutionDueAt)) {
            next = Math.min(next, resolutionDueAt.toEpochMilli());
        }
        return next;
    }

    /** A target that is still open, and when it falls (or fell) due. */
    record Due(String target, Instant at) {}

    /**
     * The targets that can still breach, or have and are still not met: the first response until it
     * is given, the resolution until the ticket is resolved; while paused, only one that was overdue
     * before the pause began. The earliest is {@link #nextDueMillis}; the breach check announces
     * those whose time has passed (SlaAnnouncements).
     */
    List<Due> open(Instant firstResponseAt, Instant resolvedAt) {
        if (resolvedAt != null) {
            return List.of();
        }
        var open = new ArrayList<Due>(2);
        if (firstResponseAt == null && runs(firstResponseDueAt)) {
            open.add(new Due(FIRST_RESPONSE, firstResponseDueAt));
        }
        if (runs(resolutionDueAt)) {
            open.add(new Due(RESOLUTION, resolutionDueAt));
        }
        return open;
    }

    private boolean runs(Instant due) {
        return pausedAt == null || due.isBefore(pausedAt);
    }

    /** First response: met in time, missed (answered late, or resolved unanswered past its due time), or open. */
    int firstResponseOutcome(Instant firstResponseAt, Instant resolvedAt) {
        if (firstResponseAt != null) {
            return firstResponseAt.isAfter(firstResponseDueAt) ? MISSED : ACHIEVED;
        }
        return resolvedAt != null && resolvedAt.isAfter(firstResponseDueAt) ? MISSED : OPEN;
    }

    int resolutionOutcome(Instant resolvedAt) {
        if (resolvedAt == null) {
            return OPEN;
        }
        return resolvedAt.isAfter(resolutionDueAt) ? MISSED : ACHIEVED;
    }
}
