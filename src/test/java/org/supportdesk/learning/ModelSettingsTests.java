package org.supportdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelSettingsTests {

    @Test
    void settingsOutOfRangeStopTheStartWithTheSettingsName() {
        assertThatThrownBy(
                        () -> new ModelSettings(true, 0, 200, Duration.ofMinutes(10), Duration.ofSeconds(5), 100_000))
                .hasMessageContaining("supportdesk.classifier.min-examples");
        assertThatThrownBy(
                        () -> new ModelSettings(true, 100, -1, Duration.ofMinutes(10), Duration.ofSeconds(5), 100_000))
                .hasMessageContaining("supportdesk.classifier.retrain-after");
        assertThatThrownBy(
                        () -> new ModelSettings(true, 100, 200, Duration.ofSeconds(-1), Duration.ofSeconds(5), 100_000))
                .hasMessageContaining("supportdesk.classifier.retrain-interval");
        assertThatThrownBy(
                        () -> new ModelSettings(true, 100, 200, Duration.ofMinutes(10), Duration.ofMillis(1), 100_000))
                .hasMessageContaining("supportdesk.classifier.poll-interval");
        assertThatThrownBy(() -> new ModelSettings(true, 100, 200, Duration.ofMinutes(10), Duration.ofSeconds(5), 1))
                .hasMessageContaining("supportdesk.classifier.max-examples");
    }

    @Test
    void aTrainingMayStartByItselfTheRetrainIntervalAfterTheModelInUseWasTrained() {
        var settings = new ModelSettings(true, 100, 200, Duration.ofMinutes(10), Duration.ofSeconds(5), 100_000);

        Instant trained = Instant.parse("2026-11-27T10:00:00Z");

        assertThat(settings.retrainNotBefore(null)).as("no model yet: at once").isNull();
        assertThat(settings.retrainNotBefore(trained)).isEqualTo(Instant.parse("2026-11-27T10:10:00Z"));
        assertThat(settings.mayRetrain(trained.plusSeconds(60), null, 0, 200))
                .as("no model yet")
                .isTrue();
        assertThat(settings.mayRetrain(trained.plusSeconds(599), trained, 1_000, 999))
                .isFalse();
        assertThat(settings.mayRetrain(trained.plusSeconds(600), trained, 1_000, 200))
                .isTrue();
        assertThat(settings.mayRetrain(trained.plusSeconds(60), trained, 1_000, 1_000))
                .as("as many new examples as the model learned from: at once")
                .isTrue();
    }

    @Test
    void aSilentTrainingIsAbandonedAfterTwelvePollsButNeverBeforeAMinute() {
        assertThat(new ModelSettings(true, 100, 200, Duration.ofMinutes(10), Duration.ofSeconds(5), 100_000)
                        .abandonedAfter())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(new ModelSettings(true, 100, 200, Duration.ofMinutes(10), Duration.ofSeconds(30), 100_000)
                        .abandonedAfter())
                .isEqualTo(Duration.ofMinutes(6));
    }
}
