package org.supportdesk.learning;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supportdesk.tickets.LabelledTickets;

/**
 * What each instance does every {@code poll-interval}: picks up a newer model, keeps its own
 * training's heartbeat, marks abandoned a training whose instance went silent, and starts a
 * training once {@code retrain-after} examples arrived or changed since the last model, and
 * {@code retrain-interval} has passed since it was trained or the new examples are as many as it
 * learned from.
 *
 * <p>New examples are counted cheaply: only the tickets changed since the previous poll are read
 * (a range of the updated_at index), and their count is added to the running total since the
 * model's watermark. Any change to a ticket with a person's label counts, so the total is an upper
 * bound: a training may start a little early, never late.
 */
@Component
class ModelPoller {

    private static final Logger log = LoggerFactory.getLogger(ModelPoller.class);

    private final CurrentModel current;
    private final Training training;
    private final TrainingJobs jobs;
    private final LabelledTickets tickets;
    private final ModelSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "classifier-poller");
        t.setDaemon(true);
        return t;
    });

    /** The change the count starts after: the model's watermark, or a failed training's. */
    private long countedFrom = -1;
    /** Changes up to here are in {@link #newExamples}. */
    private long countedUpTo;

    private volatile long newExamples;

    ModelPoller(
            CurrentModel current,
            Training training,
            TrainingJobs jobs,
            LabelledTickets tickets,
            ModelSettings settings,
            Clock clock) {
        this.current = current;
        this.training = training;
        this.jobs = jobs;
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        if (settings.model()) {
            long every = settings.pollInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Examples new to the model in use, as last counted (an upper bound). */
    long newExamples() {
        return newExamples;
    }

    void poll() {
        try {
            // Whether a training is active is read before the newest model: a training stores its
            // model and then ends its job, so a job seen ended has its model in the refresh below.
            // The other way round, a job that ended between the two reads left the model read
            // before it, and the new examples it had just learned from started a second training.
            Optional<TrainingJob> active = jobs.active();
            current.refresh();
            Instant now = clock.instant();
            String mine = training.runningHere();
            if (mine != null) {
                jobs.heartbeat(mine, now);
            }
            if (active.isPresent() && !active.get().id().equals(mine)) {
                jobs.abandonSilent(now.minus(settings.abandonedAfter()), now);
            }
            count();
            CurrentModel.Loaded model = current.loaded();
            if (active.isEmpty()
                    && settings.retrainAfter() > 0
                    && newExamples >= settings.retrainAfter()
                    && settings.mayRetrain(now, model.trainedAt(), model.examples(), newExamples)) {
                training.start(TrainingJob.NEW_EXAMPLES, null);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            log.warn("Classifier model poll failed: {}", e.toString());
        }
    }

    private void count() {
        long from = current.loaded().watermark();
        var latest = jobs.latest();
        if (latest.isPresent() && TrainingJob.FAILED.equals(latest.get().job().state())) {
            // Wait for examples newer than what the failed training read, rather than failing again at once.
            from = Math.max(from, latest.get().watermark());
        }
        if (from != countedFrom) {
            countedFrom = from;
            countedUpTo = from;
            newExamples = 0;
        }
        long upTo = tickets.lastChange();
        if (upTo > countedUpTo) {
            newExamples += tickets.labelledChanges(countedUpTo, upTo);
            countedUpTo = upTo;
        }
    }
}
