package org.supportdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Timestamps as the workspace shows them (UTC, to the minute); templates call it as {@code @dates}. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String at(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }

    public String percent(long part, long whole) {
        return Durations.percent(part, whole);
    }
}
