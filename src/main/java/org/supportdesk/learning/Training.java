package org.supportdesk.learning;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.Classifier;
import org.supportdesk.classification.CrossValidation;
import org.supportdesk.classification.Evaluation;
import org.supportdesk.classification.TrainedModel;
import org.supportdesk.classification.TrainingData;
import org.supportdesk.classification.TrainingOptions;
import org.supportdesk.tickets.LabelledTickets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the model in the background, one job at a time across all instances (TrainingJobs):
 * reads the examples as a stream, trains, cross-validates a spread sample of them for the quality
 * report, and stores the model as the newest version, which every instance then picks up. A
 * training that fails, for whatever reason, leaves the model in use as it was and says why in its
 * job.
 */
@Component
class Training {

    private static final Logger log = LoggerFactory.getLogger(Training.class);

    /** At most this many examples are cross-validated for the report: 5 trainings of 4,000 take seconds, not minutes. */
    static final int EVALUATED = 5000;

    private final TrainingJobs jobs;
    private final ModelStore store;
    private final CurrentModel current;
    private final LabelledTickets tickets;
    private final Classifier rules;
    private final ModelSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    /** One thread: requests never wait for a training, and a training never takes more than a core. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classifier-training");
        t.setDaemon(true);
        return t;
    });

    /** The job this instance runs, whose heartbeat the poller keeps; null when none. */
    private volatile String runningHere;

    Training(
            TrainingJobs jobs,
            ModelStore store,
            CurrentModel current,
            LabelledTickets tickets,
            Classifier rules,
            ModelSettings settings,
            JsonMapper json,
            Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.current = current;
        this.tickets = tickets;
        this.rules = rules;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts a training in the background and returns its job at once; when one is already queued
     * or running (on any instance), returns that one instead.
     */
    TrainingJob start(String reason, String requestedBy) {
        if (!settings.model()) {
            throw new ModelTurnedOff();
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<TrainingJob> started = jobs.start(reason, requestedBy, now());
            if (started.isPresent()) {
                TrainingJob job = started.get();
                runningHere = job.id();
                executor.execute(() -> run(job.id()));
                return job;
            }
            Optional<TrainingJob> active = jobs.active();
            if (active.isPresent()) {
                return active.get();
            }
            // The active one finished between the two reads: try again.
        }
        throw new IllegalStateException("Could not start a training: jobs kept finishing meanwhile");
    }

    String runningHere() {
        return runningHere;
    }

    private void run(String id) {
        Integer read = null;
        try {
            long watermark = tickets.lastChange();
            jobs.running(id, watermark, now());
            TrainingOptions options = TrainingOptions.defaults();
            TrainingData data = new TrainingData(rules, options);
            SpreadSample sample = new SpreadSample(EVALUATED);
            read = tickets.forEachExample(settings.maxExamples(), example -> {
                data.add(example);
                sample.add(example);
            });
            if (read == 0) {
                throw new NoExamples();
            }
            TrainedModel model = data.train();
            Evaluation evaluation = sample.examples().size() < ModelReport.FOLDS
                    ? null
                    : CrossValidation.run(sample.examples(), ModelReport.FOLDS, rules, options, settings.minExamples());
            String report = json.writeValueAsString(
                    ModelReport.of(model, read, evaluation, sample.examples().size(), settings.minExamples()));
            int version = store.save(now(), id, read, watermark, report, model.toBytes());
            jobs.succeeded(id, read, version, now());
            current.refresh();
            log.info("Classifier model version {} trained on {} examples (job {})", version, read, id);
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Training {} failed; the model in use stays: {}", id, e.toString());
            try {
                jobs.failed(id, read, e instanceof NoExamples ? e.getMessage() : e.toString(), now());
            } catch (RuntimeException notRecorded) {
                // The heartbeat stops with this job, so another instance will mark it abandoned.
                log.warn("Could not record the failure of training {}: {}", id, notRecorded.toString());
            }
        } finally {
            runningHere = null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Nothing to learn from yet; said in the job's error. */
    private static final class NoExamples extends RuntimeException {
        NoExamples() {
            super("no ticket has a category or priority set by a person yet", null, false, false);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
