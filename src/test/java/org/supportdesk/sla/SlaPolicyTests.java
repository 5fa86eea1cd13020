package org.supportdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.sla.SlaPolicy.Target.FIRST_RESPONSE;
import static org.supportdesk.sla.SlaPolicy.Target.RESOLUTION;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlaPolicyTests {

    static final Map<String, SlaPolicy.Targets> TARGETS = Map.of(
            "urgent", new SlaPolicy.Targets(Duration.ofHours(1), Duration.ofHours(4)),
            "high", new SlaPolicy.Targets(Duration.ofHours(4), Duration.ofDays(1)),
            "medium", new SlaPolicy.Targets(Duration.ofHours(8), Duration.ofDays(3)),
            "low", new SlaPolicy.Targets(Duration.ofDays(1), Duration.ofDays(7)));

    private static final SlaPolicy ALWAYS = SlaPolicy.aroundTheClock(TARGETS, Duration.ofHours(1));
    private static final SlaPolicy OFFICE = SlaPolicy.withinBusinessHours(
            TARGETS,
            Duration.ofHours(1),
            ZoneId.of("UTC"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0));

    private static final Instant MONDAY_NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void dueTimesComeFromThePriorityTargets() {
        assertThat(ALWAYS.due(FIRST_RESPONSE, "urgent", MONDAY_NINE, 0)).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(ALWAYS.due(RESOLUTION, "urgent", MONDAY_NINE, 0)).isEqualTo("2026-11-23T13:00:00Z");
        assertThat(ALWAYS.due(RESOLUTION, "low", MONDAY_NINE, 0)).isEqualTo("2026-11-30T09:00:00Z");
    }

    @Test
    void pausedTimeIsAddedToTheTarget() {
        assertThat(ALWAYS.due(
                        FIRST_RESPONSE,
                        "urgent",
                        MONDAY_NINE,
                        Duration.ofMinutes(30).toMillis()))
                .isEqualTo("2026-11-23T10:30:00Z");
    }

    @Test
    void withinBusinessHoursTheTargetsCountWorkingTime() {
        Instant fridayFour = Instant.parse("2026-11-27T16:00:00Z");

        assertThat(OFFICE.due(FIRST_RESPONSE, "urgent", fridayFour, 0)).isEqualTo("2026-11-27T17:00:00Z");
        assertThat(OFFICE.due(RESOLUTION, "urgent", fridayFour, 0)).isEqualTo("2026-11-30T12:00:00Z");
    }

    @Test
    void aPauseMovesTheDueTimeByTheWorkingTimeItLasted() {
        Instant due = OFFICE.due(RESOLUTION, "urgent", MONDAY_NINE, 0); // Monday 13:00
        Instant pausedAt = Instant.parse("2026-11-23T12:00:00Z");
        Instant resumedAt = Instant.parse("2026-11-24T10:00:00Z"); // 5 + 1 working hours later

        assertThat(OFFICE.pausedMillis(pausedAt, resumedAt))
                .isEqualTo(Duration.ofHours(6).toMillis());
        assertThat(OFFICE.resumed(due, pausedAt, resumedAt)).isEqualTo("2026-11-24T11:00:00Z");
    }

    @Test
    void resumingGivesTheSameDueTimeAsCountingThePauseFromCreation() {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Instant created = MONDAY_NINE.plusSeconds(random.nextInt(30 * 24 * 3600));
            Instant due = OFFICE.due(RESOLUTION, "high", created, 0);
            Instant pausedAt = created.plusSeconds(
                    random.nextInt((int) Duration.between(created, due).toSeconds()));
            Instant resumedAt = pausedAt.plusSeconds(random.nextInt(10 * 24 * 3600));

            long paused = OFFICE.pausedMillis(pausedAt, resumedAt);

            assertThat(OFFICE.resumed(due, pausedAt, resumedAt))
                    .as("created %s paused %s resumed %s", created, pausedAt, resumedAt)
                    .isEqualTo(OFFICE.due(RESOLUTION, "high", created, paused));
        }
    }

    @Test
    void aPriorityWithoutTargetsOrANonPositiveTargetIsRefused() {
        assertThatThrownBy(() -> ALWAYS.due(FIRST_RESPONSE, "critical", MONDAY_NINE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicy.Targets(Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("longer than zero");
    }
}
