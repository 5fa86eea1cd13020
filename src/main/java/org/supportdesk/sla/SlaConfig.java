package org.supportdesk.sla;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA policy of the settings, checked at start-up: a wrong setting stops the service with its name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaSettings.class)
class SlaConfig {

    @Bean
    SlaPolicy slaPolicy(SlaSettings s) {
        try {
            Map<String, SlaPolicy.Targets> targets = Map.of(
                    "urgent", new SlaPolicy.Targets(s.urgentFirstResponse(), s.urgentResolution()),
                    "high", new SlaPolicy.Targets(s.highFirstResponse(), s.highResolution()),
                    "medium", new SlaPolicy.Targets(s.mediumFirstResponse(), s.mediumResolution()),
                    "low", new SlaPolicy.Targets(s.lowFirstResponse(), s.lowResolution()));
            if (s.dueSoon().isNegative()) {
                throw new IllegalArgumentException("supportdesk.sla.due-soon must not be negative");
            }
            if (!s.businessHours()) {
                return SlaPolicy.aroundTheClock(targets, s.dueSoon());
            }
            return SlaPolicy.withinBusinessHours(
                    targets,
                    s.dueSoon(),
                    ZoneId.of(s.timeZone()),
                    s.businessDays(),
                    time("business-start", s.businessStart()),
                    time("business-end", s.businessEnd()));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalStateException("Invalid supportdesk.sla settings: " + e.getMessage(), e);
        }
    }

    private static LocalTime time(String name, String value) {
        String text = value.strip();
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "supportdesk.sla." + name + " should be a time of day as HH:mm, not '" + value + "'", e);
        }
    }
}
