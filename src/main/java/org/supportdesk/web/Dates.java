package org.supportdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Timestamps (UTC, to the minute), shares and sizes as the workspace shows them; templates call it as {@code @dates}. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String at(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }

    /** A file's size: bytes, KB or MB (1024s). */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    public String percent(long part, long whole) {
        return Durations.percent(part, whole);
    }
}
