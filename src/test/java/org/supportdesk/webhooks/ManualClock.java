package org.supportdesk.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The service's clock, moved only by the test: retries fall due when the test says so. */
final class ManualClock extends Clock {

    private final AtomicLong millis =
            new AtomicLong(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli());

    void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
