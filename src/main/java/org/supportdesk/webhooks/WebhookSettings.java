package org.supportdesk.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The `supportdesk.webhooks.*` settings (README, docs/WEBHOOKS.md).
 *
 * @param allowPrivate deliver to loopback, private and link-local addresses too (a receiver on
 *     the same host or network); off, they are refused when registered and when sent to
 * @param timeout how long a receiver has to answer one delivery
 * @param retryFor how long a delivery is retried before it is given up and its webhook disabled
 * @param firstRetry the wait before the first retry; each next one waits twice as long...
 * @param maxRetryDelay ...up to this
 * @param pollInterval how often the dispatcher looks for due deliveries when nothing woke it
 * @param concurrency deliveries sent at once by one instance
 * @param retention how long finished deliveries and their events are kept for the log
 * @param dispatch false: this instance writes events but sends none (another instance does)
 */
@ConfigurationProperties("supportdesk.webhooks")
record WebhookSettings(
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int concurrency,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("true") boolean dispatch) {

    /**
     * How long a claimed delivery is not claimed again: twice the send's timeout (which bounds the
     * whole exchange) and some seconds to record it. A send still under way after that would be
     * doubled, never lost; a claim left by a dead instance waits this long (25 s by default).
     */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }

    /** The wait after the {@code failures}-th failed attempt (1, 2, ...). */
    Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
