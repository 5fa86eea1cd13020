package org.supportdesk.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The background imports' settings, under the `supportdesk.` prefix as `supportdesk.import-max-size`
 * is (README).
 *
 * @param importJobRetention how long a job that is over (finished, failed or cancelled) stays to be
 *     looked up: then its state file and its rows go ({@link ImportJobPurge})
 */
@ConfigurationProperties("supportdesk")
record ImportJobSettings(@DefaultValue("7d") Duration importJobRetention) {

    ImportJobSettings {
        if (importJobRetention.isNegative() || importJobRetention.isZero()) {
            throw new IllegalArgumentException(
                    "supportdesk.import-job-retention (SUPPORTDESK_IMPORT_JOB_RETENTION) must be more than 0, not "
                            + importJobRetention);
        }
    }
}
