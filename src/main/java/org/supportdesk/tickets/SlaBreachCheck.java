package org.supportdesk.tickets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;

/**
 * Finds the SLA targets that breached because time passed, every {@code
 * supportdesk.sla.breach-check-interval} on each instance, and has them announced
 * (SlaAnnouncements), a batch of tickets per transaction:
 *
 * <ul>
 *   <li>the tickets whose `sla_due_at` (their earliest open due time) passed since the last run: a
 *       range of its index, from where the last run stopped, rewound by 10 seconds for a write
 *       that committed after the run had looked past its due time;
 *   <li>the tickets with a watched due time that passed: a later target of a ticket already
 *       overdue, which that index cannot show.
 * </ul>
 *
 * The work of a run is the breaches that fell due since the last one, not the tickets overdue.
 * The claims make each breach announced once whoever finds it; docs/WEBHOOKS.md says why.
 */
@Component
class SlaBreachCheck {

    private static final Logger log = LoggerFactory.getLogger(SlaBreachCheck.class);
    /** Tickets per transaction: a transaction writes an event per breach and subscribed webhook. */
    static final int BATCH = 200;
    /**
     * How far each run looks back before where the last one stopped: for a due time that was still
     * ahead when its write began and had passed when it committed (its last seconds left after a
     * pause, say), and for clocks of instances a little apart. Not more: whatever fell due in it
     * is looked at again by the next run (with a minute, 100,000 breaches due at once cost that
     * second run 12 s on PostgreSQL, docs/WEBHOOKS.md).
     */
    static final Duration REWIND = Duration.ofSeconds(10);

    private final Database db;
    private final SlaBreaches breaches;
    private final SlaAnnouncements announcements;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sla-breach-check");
        t.setDaemon(true);
        return t;
    });

    SlaBreachCheck(
            Database db,
            SlaBreaches breaches,
            SlaAnnouncements announcements,
            Clock clock,
            @Value("${supportdesk.sla.breach-check-interval:30s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException(
                    "supportdesk.sla.breach-check-interval must be longer than zero, not " + interval);
        }
        this.db = db;
        this.breaches = breaches;
        this.announcements = announcements;
        this.clock = clock;
        this.interval = interval;
    }

    @PostConstruct
    void start() {
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduled, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next run looks from where this one stopped.
            if (!scheduler.isShutdown()) {
                log.warn("SLA breach check failed: {}", e.toString());
            }
        }
    }

    /** One run: announces what breached up to now; returns once all of it is committed. */
    void run() {
        Instant now = clock.instant();
        passed(now);
        watched(now);
        db.write(() -> {
            breaches.lock();
            breaches.expire(now.minus(SlaAnnouncements.KEEP));
            return null;
        });
    }

    private void passed(Instant now) {
        SlaBreaches.Position after = null;
        while (true) {
            SlaBreaches.Position from = after;
            List<SlaBreaches.Passed> batch = db.write(() -> {
                Instant through = breaches.lock().orElse(now);
                var start = from != null ? from : SlaBreaches.Position.from(start(through, now));
                List<SlaBreaches.Passed> passed = breaches.passed(start, now, BATCH);
                passed.forEach(p -> announcements.visit(p.ticket(), now));
                if (passed.size() < BATCH) {
                    breaches.checkedThrough(now);
                }
                return passed;
            });
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).position();
        }
    }

    /**
     * Where a run starts: {@link #REWIND} before where the last one stopped (or before now, should the
     * clock have gone back), and never before the oldest due time still announced.
     */
    static long start(Instant through, Instant now) {
        Instant from = (through.isAfter(now) ? now : through).minus(REWIND);
        Instant oldest = now.minus(SlaAnnouncements.KEEP);
        return (from.isBefore(oldest) ? oldest : from).toEpochMilli();
    }

    private void watched(Instant now) {
        while (true) {
            int looked = db.write(() -> {
                breaches.lock();
                List<UUID> tickets = breaches.watched(now, BATCH);
                for (UUID id : tickets) {
                    breaches.find(id, now).ifPresent(t -> announcements.visit(t, now));
                    breaches.looked(id, now);
                }
                return tickets.size();
            });
            if (looked == 0) {
                return;
            }
        }
    }
}
