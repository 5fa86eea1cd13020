package org.supportdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours in which SLA clocks run: every hour of every day ({@link #ALWAYS}), or business hours,
 * from an opening to a closing time on chosen days of the week, in one time zone. Due times are a
 * walk through those hours: {@link #plus} finds when an amount of working time is used up,
 * {@link #between} measures the working time between two instants.
 *
 * <p>Days are the zone's calendar days, so a business day follows the wall clock: when daylight
 * saving time starts or ends during business hours, that day is an hour shorter or longer. An
 * opening or closing time that the change skips (02:30 on the night the clocks go forward) is taken
 * as the first moment after the gap, the rule of {@link java.time.ZonedDateTime#of}; in a repeated
 * hour the earlier of the two is taken. Holidays are not known.
 */
final class BusinessCalendar {

    /** Around the clock: working time is plain elapsed time. */
    static final BusinessCalendar ALWAYS = new BusinessCalendar(null, Set.of(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    /** Midnight means the end of the day. */
    private final LocalTime closes;

    private BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        this.zone = zone;
        this.days = days;
        this.opens = opens;
        this.closes = closes;
    }

    /**
     * Business hours from {@code opens} to {@code closes} on {@code days}, wall-clock time in {@code
     * zone}; {@code closes} at midnight (00:00) means the end of the day.
     *
     * @throws IllegalArgumentException without days, or when the hours close before they open
     */
    static BusinessCalendar of(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one day of the week");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open before they close (got " + opens + " to "
                    + closes + "; use 00:00 as the closing time for the end of the day)");
        }
        return new BusinessCalendar(zone, Set.copyOf(EnumSet.copyOf(days)), opens, closes);
    }

    /**
     * The first instant by which {@code amount} of working time has passed since {@code from}. A
     * due time at the end of the working day is that day's closing time, not the next opening.
     */
    Instant plus(Instant from, Duration amount) {
        if (zone == null || amount.isZero() || amount.isNegative()) {
            return from.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        while (true) {
            if (days.contains(day.getDayOfWeek())) {
                Instant start = later(opening(day), from);
                Instant end = closing(day);
                if (start.isBefore(end)) {
                    Duration open = Duration.between(start, end);
                    if (remaining.compareTo(open) <= 0) {
                        return start.plus(remaining);
                    }
                    remaining = remaining.minus(open);
                }
            }
            day = day.plusDays(1);
        }
    }

    /** The working time from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (zone == null) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                Instant start = later(opening(day), from);
                Instant end = earlier(closing(day), to);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private Instant opening(LocalDate day) {
        return day.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closing(LocalDate day) {
        return closes.equals(LocalTime.MIDNIGHT)
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(closes).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
