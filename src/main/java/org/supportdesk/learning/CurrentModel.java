package org.supportdesk.learning;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.Classifier;
import org.supportdesk.classification.ModelOrRules;
import org.supportdesk.classification.TrainedModel;
import org.supportdesk.tickets.TriageModel;

/**
 * The model this instance decides with: the newest in the database, loaded at start-up and
 * whenever {@link #refresh} finds a newer version (the poller calls it every few seconds, and the
 * instance that trained calls it at once). Until there is a model, and with
 * {@code supportdesk.classifier.model=off}, the rules decide alone.
 */
@Component
@EnableConfigurationProperties(ModelSettings.class)
class CurrentModel implements TriageModel {

    private static final Logger log = LoggerFactory.getLogger(CurrentModel.class);

    /** The loaded model and what the report needs of it; {@code version} 0 when there is none. */
    record Loaded(
            int version,
            Instant trainedAt,
            String jobId,
            int examples,
            long watermark,
            String report,
            ModelOrRules decider) {}

    private final ModelStore store;
    private final Classifier rules;
    private final ModelSettings settings;
    private volatile Loaded loaded;
    /** A version that could not be read (a format from a newer release): not tried again. */
    private volatile int unreadable;

    CurrentModel(ModelStore store, Classifier rules, ModelSettings settings) {
        this.store = store;
        this.rules = rules;
        this.settings = settings;
        this.loaded = new Loaded(0, null, null, 0, 0, null, new ModelOrRules(rules, null, settings.minExamples()));
        if (settings.model()) {
            refresh();
        }
    }

    @Override
    public ModelOrRules current() {
        return loaded.decider();
    }

    Loaded loaded() {
        return loaded;
    }

    /** Loads the newest model if it is newer than the one in use; true when it changed. */
    synchronized boolean refresh() {
        int latest = store.latestVersion();
        if (latest <= loaded.version() || latest == unreadable) {
            return false;
        }
        var stored = store.load(latest);
        if (stored.isEmpty()) {
            // Pruned between the two reads: a newer one is there, the next poll takes it.
            return false;
        }
        ModelStore.Stored s = stored.get();
        TrainedModel model;
        try {
            model = TrainedModel.fromBytes(s.bytes());
        } catch (IllegalArgumentException e) {
            unreadable = latest;
            log.warn(
                    "Classifier model version {} cannot be read ({}); keeping version {}",
                    latest,
                    e.getMessage(),
                    loaded.version());
            return false;
        }
        loaded = new Loaded(
                s.version(),
                s.trainedAt(),
                s.jobId(),
                s.examples(),
                s.watermark(),
                s.report(),
                new ModelOrRules(rules, model, settings.minExamples()));
        log.info(
                "Classifier model version {} in use ({} examples, trained {})",
                s.version(),
                s.examples(),
                s.trainedAt());
        return true;
    }
}
