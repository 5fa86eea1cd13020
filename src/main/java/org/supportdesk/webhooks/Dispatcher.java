package org.supportdesk.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;
import org.supportdesk.system.Timestamps;

/**
 * Sends the outbox: one thread claims due deliveries (as many as there are free senders) and hands
 * them to a small pool of sender threads, which record each attempt. It wakes when this instance
 * commits an event or a send ends, and otherwise every poll interval (for other instances' events,
 * retries and expired leases). Delivery is at least once: a send whose result was not recorded
 * (the process died) is sent again when its lease ends.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Deliveries deliveries;
    private final Webhooks webhooks;
    private final Sender sender;
    private final Database db;
    private final Clock clock;
    private final WebhookSettings settings;
    private final WebhookMeters meters;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore free;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Instant lastPurge;

    Dispatcher(
            Deliveries deliveries,
            Webhooks webhooks,
            Sender sender,
            Database db,
            Clock clock,
            WebhookSettings settings,
            WebhookMeters meters) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.sender = sender;
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.free = new Semaphore(settings.concurrency());
    }

    /** Look for due deliveries now rather than at the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        if (!settings.dispatch()) {
            log.info("Webhook dispatch is off on this instance (supportdesk.webhooks.dispatch=false)");
            return;
        }
        var number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            var t = new Thread(r, "webhook-sender-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            senders.shutdownNow();
            try {
                loop.join(5000);
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the web server and the database (default phase): sends in flight end first.
        return Integer.MAX_VALUE - 2048;
    }

    private void run() {
        while (running) {
            try {
                int claimed = claimAndSend();
                purgeNowAndThen();
                if (claimed == 0 || free.availablePermits() == 0) {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database away for a moment, say: try again at the next poll.
                log.warn("Webhook dispatch failed, retrying: {}", e.toString());
                try {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private int claimAndSend() {
        int slots = free.availablePermits();
        if (slots == 0) {
            return 0;
        }
        Instant now = clock.instant();
        if (!deliveries.anyDue(now)) {
            return 0;
        }
        List<Deliveries.Claimed> due = db.write(() -> deliveries.claim(now, slots, now.plus(settings.lease())));
        for (Deliveries.Claimed c : due) {
            free.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    deliver(c);
                } catch (RuntimeException e) {
                    // Not recorded: the lease runs out and the delivery is tried again.
                    log.warn("Webhook delivery {} not recorded: {}", c.id(), e.toString());
                } finally {
                    free.release();
                    wake();
                }
            });
        }
        return due.size();
    }

    private void deliver(Deliveries.Claimed c) {
        Instant at = clock.instant();
        Sender.Result result = sender.send(c);
        meters.attempted(c.type(), result.outcome());
        var attempt =
                new Deliveries.Attempt(c.attempts() + 1, at, result.statusCode(), result.durationMs(), result.error());
        if (result.outcome() == Sender.Outcome.DELIVERED) {
            db.write(() -> deliveries.recordAttempt(c, attempt, Deliveries.DELIVERED, null));
            return;
        }
        Instant first = c.firstAttemptAt() != null ? c.firstAttemptAt() : at;
        Instant next = clock.instant().plus(settings.backoff(attempt.number()));
        if (next.isBefore(first.plus(settings.retryFor()))) {
            db.write(() -> deliveries.recordAttempt(c, attempt, Deliveries.PENDING, next));
            return;
        }
        String reason = "Deliveries failed since " + Timestamps.format(first) + ", for "
                + settings.retryFor().toHours() + " h; the last attempt: " + result.error();
        db.write(() -> {
            if (deliveries.recordAttempt(c, attempt, Deliveries.FAILED, null)) {
                webhooks.disable(c.webhookId(), reason, at);
            }
            return null;
        });
        meters.gaveUp(c.type());
        log.warn("Webhook {} disabled: {}", c.webhookId(), reason);
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (lastPurge != null && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        int gone = db.write(() -> deliveries.purge(now.minus(settings.retention())));
        if (gone > 0) {
            log.info("Purged {} webhook deliveries finished before {}", gone, now.minus(settings.retention()));
        }
    }
}
