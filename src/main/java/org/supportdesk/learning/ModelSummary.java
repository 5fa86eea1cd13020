package org.supportdesk.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.Field;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning feature's door for the workspace's admin screen: the model in use and its
 * cross-validated accuracy beside the rules', in short (`GET /classification/model` has it all).
 */
@Component
public class ModelSummary {

    /** One field's accuracy on the team's own examples; null where there were too few to measure. */
    public record FieldAccuracy(String field, Double rules, Double model, Double combined) {}

    /** The model in use; {@code version} 0 before the first, {@code enabled} false with model=off. */
    public record Summary(boolean enabled, int version, Instant trainedAt, int examples, List<FieldAccuracy> fields) {}

    private final CurrentModel current;
    private final ModelSettings settings;
    private final JsonMapper json;

    ModelSummary(CurrentModel current, ModelSettings settings, JsonMapper json) {
        this.current = current;
        this.settings = settings;
        this.json = json;
    }

    public Summary now() {
        if (!settings.model()) {
            return new Summary(false, 0, null, 0, List.of());
        }
        CurrentModel.Loaded loaded = current.loaded();
        if (loaded.version() == 0) {
            return new Summary(true, 0, null, 0, List.of());
        }
        Map<?, ?> report = json.readValue(loaded.report(), LinkedHashMap.class);
        var fields = new ArrayList<FieldAccuracy>();
        if (report.get("cross_validation") instanceof Map<?, ?> validation) {
            for (Field field : Field.values()) {
                if (validation.get(field.key()) instanceof Map<?, ?> one
                        && one.get("accuracy") instanceof Map<?, ?> accuracy) {
                    fields.add(new FieldAccuracy(
                            field.key(),
                            number(accuracy.get("rules")),
                            number(accuracy.get("model")),
                            number(accuracy.get("combined"))));
                }
            }
        }
        return new Summary(true, loaded.version(), loaded.trainedAt(), loaded.examples(), fields);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
