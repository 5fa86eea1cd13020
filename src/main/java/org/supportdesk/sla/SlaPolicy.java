package org.supportdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The service-level targets: how soon a ticket of each priority must get its first answer and be
 * resolved, counted in working time (around the clock, or within business hours). The tickets
 * feature's door into this package: it asks for due times when a ticket is created, when its
 * priority changes and when it stops waiting on the customer.
 *
 * <p>Priorities are named by their labels (`urgent`, `high`, `medium`, `low`), so that this package
 * needs nothing of tickets.
 */
public final class SlaPolicy {

    /** The two clocks of a ticket. */
    public enum Target {
        FIRST_RESPONSE,
        RESOLUTION
    }

    /** The working time allowed for the first response and for the resolution. */
    public record Targets(Duration firstResponse, Duration resolution) {
        public Targets {
            if (firstResponse.isNegative()
                    || firstResponse.isZero()
                    || resolution.isNegative()
                    || resolution.isZero()) {
                throw new IllegalArgumentException("SLA targets must be longer than zero");
            }
        }

        Duration of(Target target) {
            return target == Target.FIRST_RESPONSE ? firstResponse : resolution;
        }
    }

    private final Map<String, Targets> targets;
    private final BusinessCalendar calendar;
    private final Duration dueSoon;

    private SlaPolicy(Map<String, Targets> targets, BusinessCalendar calendar, Duration dueSoon) {
        this.targets = Map.copyOf(targets);
        this.calendar = calendar;
        this.dueSoon = dueSoon;
    }

    /** Targets counted in elapsed time, nights and weekends included. */
    public static SlaPolicy aroundTheClock(Map<String, Targets> targets, Duration dueSoon) {
        return new SlaPolicy(targets, BusinessCalendar.ALWAYS, dueSoon);
    }

    /**
     * Targets counted only within business hours: {@code opens} to {@code closes} (00:00 for the end
     * of the day) on {@code days}, wall-clock time in {@code zone}.
     */
    public static SlaPolicy withinBusinessHours(
            Map<String, Targets> targets,
            Duration dueSoon,
            ZoneId zone,
            Set<DayOfWeek> days,
            LocalTime opens,
            LocalTime closes) {
        return new SlaPolicy(targets, BusinessCalendar.of(zone, days, opens, closes), dueSoon);
    }

    /**
     * When {@code target} falls due for a ticket of {@code priority} created at {@code created} that
     * has waited {@code pausedMillis} of working time on the customer so far.
     */
    public Instant due(Target target, String priority, Instant created, long pausedMillis) {
        Targets of = targets.get(priority);
        if (of == null) {
            throw new IllegalArgumentException("No SLA targets for priority " + priority);
        }
        return calendar.plus(created, of.of(target).plusMillis(pausedMillis));
    }

    /**
     * A due time moved by a pause: the working time that was left at {@code pausedAt} is left again
     * at {@code resumedAt}. The same instant as {@link #due} with the pause added to {@code
     * pausedMillis}.
     */
    public Instant resumed(Instant due, Instant pausedAt, Instant resumedAt) {
        return calendar.plus(resumedAt, calendar.between(pausedAt, due));
    }

    /** The working time of a pause, in milliseconds. */
    public long pausedMillis(Instant pausedAt, Instant resumedAt) {
        return calendar.between(pausedAt, resumedAt).toMillis();
    }

    /** How close a due time must be for `sla=due_soon`. */
    public Duration dueSoon() {
        return dueSoon;
    }
}
