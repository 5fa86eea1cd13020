package org.supportdesk.learning;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;
import tools.jackson.databind.json.JsonMapper;

@RestController
class ModelController {

    private final CurrentModel current;
    private final Training training;
    private final TrainingJobs jobs;
    private final ModelPoller poller;
    private final ModelSettings settings;
    private final JsonMapper json;

    ModelController(
            CurrentModel current,
            Training training,
            TrainingJobs jobs,
            ModelPoller poller,
            ModelSettings settings,
            JsonMapper json) {
        this.current = current;
        this.training = training;
        this.jobs = jobs;
        this.poller = poller;
        this.settings = settings;
        this.json = json;
    }

    /**
     * The model in use and how it compares with the rules.
     *
     * @param enabled false with {@code supportdesk.classifier.model=off}: the rules decide alone
     * @param newExamples examples that arrived or changed since the model in use (an upper bound)
     * @param retrainNotBefore when a training may start by itself ({@code retrain-interval} after the
     *     model in use was trained), or sooner once as many new examples arrived as that model learned
     *     from; null before the first model
     * @param training the training queued or running now, on any instance
     * @param model the model in use (null before the first): version, when trained, examples per
     *     label, and the cross-validated accuracy of the rules, the model and both combined
     */
    record ModelStatus(
            boolean enabled,
            int minExamples,
            int retrainAfter,
            Long newExamples,
            Instant retrainNotBefore,
            TrainingJob training,
            Map<String, Object> model) {}

    @Operation(summary = "The team's model: version, examples per label, cross-validated accuracy beside the rules'")
    @GetMapping("/classification/model")
    ModelStatus status() {
        if (!settings.model()) {
            return new ModelStatus(false, settings.minExamples(), settings.retrainAfter(), null, null, null, null);
        }
        CurrentModel.Loaded loaded = current.loaded();
        return new ModelStatus(
                true,
                settings.minExamples(),
                settings.retrainAfter(),
                poller.newExamples(),
                settings.retrainNotBefore(loaded.trainedAt()),
                jobs.active().orElse(null),
                model(loaded));
    }

    @Operation(summary = "Train the model in the background; answers 202 with the job (or the one already running)")
    @PostMapping("/classification/model/train")
    ResponseEntity<TrainingJob> train(Actor actor) {
        TrainingJob job = training.start(TrainingJob.REQUESTED, actor.name());
        return ResponseEntity.accepted()
                .location(URI.create("/classification/model/jobs/" + job.id()))
                .body(job);
    }

    @Operation(summary = "A training job: queued, running, succeeded (with the model's version) or failed (why)")
    @GetMapping("/classification/model/jobs/{id}")
    TrainingJob job(@PathVariable String id) {
        return jobs.find(Params.id(id).toString()).orElseThrow(JobNotFound::new);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> model(CurrentModel.Loaded loaded) {
        if (loaded.version() == 0) {
            return null;
        }
        var model = new LinkedHashMap<String, Object>();
        model.put("version", loaded.version());
        model.put("trained_at", loaded.trainedAt());
        model.put("training_job", loaded.jobId());
        model.putAll(json.readValue(loaded.report(), LinkedHashMap.class));
        return model;
    }
}
