package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a run of the breach check starts looking, from where the last one stopped. */
class SlaBreachCheckTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Instant start(Instant through) {
        return Instant.ofEpochMilli(SlaBreachCheck.start(through, NOW));
    }

    @Test
    void aRunLooksFromTenSecondsBeforeWhereTheLastOneStopped() {
        assertThat(start(NOW.minusSeconds(30))).isEqualTo(Instant.parse("2026-11-23T09:59:20Z"));
    }

    @Test
    void aClockThatWentBackLooksFromTenSecondsBeforeNow() {
        assertThat(start(NOW.plus(Duration.ofHours(2)))).isEqualTo(Instant.parse("2026-11-23T09:59:50Z"));
    }

    @Test
    void afterALongStopItLooksNoFurtherBackThanTheAnnouncementsAreKept() {
        assertThat(start(NOW.minus(Duration.ofDays(45)))).isEqualTo(NOW.minus(SlaAnnouncements.KEEP));
    }
}
