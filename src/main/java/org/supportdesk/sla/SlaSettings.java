package org.supportdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The `supportdesk.sla.*` settings (the README lists them with their environment variables): the
 * targets per priority, the due-soon window, and the business hours the targets are counted in
 * when {@code businessHours} is on. Times of day are `HH:mm`; {@code businessEnd} `00:00` or
 * `24:00` means the end of the day.
 */
@ConfigurationProperties("supportdesk.sla")
record SlaSettings(
        @DefaultValue("1h") Duration urgentFirstResponse,
        @DefaultValue("4h") Duration urgentResolution,
        @DefaultValue("4h") Duration highFirstResponse,
        @DefaultValue("1d") Duration highResolution,
        @DefaultValue("8h") Duration mediumFirstResponse,
        @DefaultValue("3d") Duration mediumResolution,
        @DefaultValue("1d") Duration lowFirstResponse,
        @DefaultValue("7d") Duration lowResolution,
        @DefaultValue("1h") Duration dueSoon,
        @DefaultValue("false") boolean businessHours,
        @DefaultValue("UTC") String timeZone,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        Set<DayOfWeek> businessDays,

        @DefaultValue("09:00") String businessStart,
        @DefaultValue("17:00") String businessEnd) {}
