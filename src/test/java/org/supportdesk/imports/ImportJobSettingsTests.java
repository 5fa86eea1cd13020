package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ImportJobSettingsTests {

    private static ImportJobSettings bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("supportdesk", ImportJobSettings.class);
    }

    @Test
    void jobsAreKeptSevenDaysUnlessTheSettingSaysOtherwise() {
        assertThat(bound(Map.of()).importJobRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(bound(Map.of("supportdesk.import-job-retention", "36h")).importJobRetention())
                .isEqualTo(Duration.ofHours(36));
    }

    @Test
    void aRetentionOfNothingStopsTheStartWithTheSettingsName() {
        for (String none : new String[] {"0s", "-1d"}) {
            assertThatThrownBy(() -> bound(Map.of("supportdesk.import-job-retention", none)))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("SUPPORTDESK_IMPORT_JOB_RETENTION");
        }
    }
}
