package org.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Monday to Friday, 09:00 to 17:00, Berlin time. */
    private static final BusinessCalendar OFFICE =
            BusinessCalendar.of(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0));

    /** Berlin wall-clock time. 2026-11-23 is a Monday. */
    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aroundTheClockWorkingTimeIsElapsedTime() {
        Instant saturdayNight = Instant.parse("2026-11-28T23:30:00Z");

        assertThat(BusinessCalendar.ALWAYS.plus(saturdayNight, Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-29T00:30:00Z"));
        assertThat(BusinessCalendar.ALWAYS.between(saturdayNight, Instant.parse("2026-11-30T00:00:00Z")))
                .isEqualTo(Duration.ofMinutes(24 * 60 + 30));
    }

    @Test
    void withinOpeningHoursTimeRunsAsOnTheClock() {
        assertThat(OFFICE.plus(berlin("2026-11-23T10:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-23T11:00"));
    }

    @Test
    void beforeOpeningTheClockStartsAtOpening() {
        assertThat(OFFICE.plus(berlin("2026-11-23T07:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-23T10:00"));
    }

    @Test
    void afterClosingTheClockStartsAtTheNextOpening() {
        assertThat(OFFICE.plus(berlin("2026-11-23T18:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-24T10:00"));
    }

    @Test
    void whatIsLeftAtClosingCarriesOverToTheNextDay() {
        assertThat(OFFICE.plus(berlin("2026-11-23T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-24T09:30"));
    }

    @Test
    void aDueTimeThatEndsExactlyAtClosingIsTheClosingTime() {
        assertThat(OFFICE.plus(berlin("2026-11-23T16:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-23T17:00"));
        assertThat(OFFICE.plus(berlin("2026-11-23T17:00"), Duration.ofMinutes(1)))
                .isEqualTo(berlin("2026-11-24T09:01"));
    }

    @Test
    void weekendsAreSkipped() {
        assertThat(OFFICE.plus(berlin("2026-11-27T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-30T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-28T12:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-30T10:00"));
    }

    @Test
    void aDayOfTargetIsTwentyFourWorkingHoursThatIsThreeOfficeDays() {
        assertThat(OFFICE.plus(berlin("2026-11-23T09:00"), Duration.ofDays(1))).isEqualTo(berlin("2026-11-25T17:00"));
        assertThat(OFFICE.plus(berlin("2026-11-27T09:00"), Duration.ofDays(1))).isEqualTo(berlin("2026-12-01T17:00"));
    }

    @Test
    void officeHoursFollowTheWallClockAcrossTheSpringChange() {
        // Clocks go forward on Sunday 2026-03-29: Friday is UTC+1, Monday UTC+2.
        Instant fridayAfternoon = Instant.parse("2026-03-27T15:00:00Z"); // 16:00 in Berlin

        Instant due = OFFICE.plus(fridayAfternoon, Duration.ofHours(2));

        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z")); // 10:00 in Berlin
        assertThat(OFFICE.between(fridayAfternoon, due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBusinessDayWithTheSpringChangeInsideItsHoursIsAnHourShorter() {
        var nights = BusinessCalendar.of(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0));
        Instant opening = berlin("2026-03-29T01:00");

        assertThat(nights.between(opening, berlin("2026-03-29T05:00"))).isEqualTo(Duration.ofHours(3));
        assertThat(nights.plus(opening, Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T05:00"));
        assertThat(nights.plus(opening, Duration.ofHours(4))).isEqualTo(berlin("2026-04-05T02:00"));
    }

    @Test
    void aBusinessDayWithTheAutumnChangeInsideItsHoursIsAnHourLonger() {
        var nights = BusinessCalendar.of(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0));
        Instant opening = berlin("2026-10-25T01:00");

        assertThat(nights.between(opening, berlin("2026-10-25T05:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(nights.plus(opening, Duration.ofHours(5))).isEqualTo(berlin("2026-10-25T05:00"));
    }

    @Test
    void anOpeningTimeTheSpringChangeSkipsOpensRightAfterTheGap() {
        var late = BusinessCalendar.of(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalTime.of(6, 0));

        // 02:30 does not exist that night; the day opens at 03:30 summer time (01:30 UTC).
        assertThat(late.plus(berlin("2026-03-29T00:00"), Duration.ofMinutes(1)))
                .isEqualTo(Instant.parse("2026-03-29T01:31:00Z"));
    }

    @Test
    void closingAtMidnightMeansTheWholeDay() {
        var weekdays = BusinessCalendar.of(ZoneId.of("UTC"), WEEKDAYS, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        assertThat(weekdays.plus(Instant.parse("2026-11-27T23:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(weekdays.between(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void workingTimeBetweenCountsOnlyOpenHours() {
        assertThat(OFFICE.between(berlin("2026-11-27T16:00"), berlin("2026-11-30T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.between(berlin("2026-11-28T10:00"), berlin("2026-11-29T10:00")))
                .isZero();
        assertThat(OFFICE.between(berlin("2026-11-23T18:00"), berlin("2026-11-23T10:00")))
                .isZero();
        assertThat(OFFICE.between(berlin("2026-11-23T08:00"), berlin("2026-11-30T08:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void betweenUndoesPlusForAnyStartAndAmount() {
        var random = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            Instant from = base.plusSeconds(random.nextInt(366 * 24 * 3600));
            Duration amount = Duration.ofMinutes(1 + random.nextInt(14 * 24 * 60));

            Instant due = OFFICE.plus(from, amount);

            assertThat(OFFICE.between(from, due))
                    .as("from %s plus %s", from, amount)
                    .isEqualTo(amount);
            assertThat(OFFICE.between(from, due.minusMillis(1))).isLessThan(amount);
        }
    }

    @Test
    void nonsensicalHoursAreRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("open before they close");
    }
}
