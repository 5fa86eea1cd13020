package org.supportdesk.classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How well the rules, the model and their combination ({@link ModelOrRules}) label a set of examples a person
 * labelled: one {@link FieldEvaluation} per field, each over the examples that have that field's label.
 */
public record Evaluation(Map<Field, FieldEvaluation> fields) {

    public Evaluation {
        fields = Map.copyOf(fields);
    }

    public FieldEvaluation get(Field field) {
        return fields.get(field);
    }

    /**
     * @param rules the rules-only classifier, scored beside the model
     * @param model scored alone and combined with the rules
     */
    public static Evaluation of(TrainedModel model, Classifier rules, List<Example> examples, int minExamples) {
        Map<Field, FieldEvaluation> fields = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            fields.put(field, new FieldEvaluation(field));
        }
        ModelOrRules combined = new ModelOrRules(rules, model, minExamples);
        for (Example example : examples) {
            // Scored once: the model alone is scored on its labels, and the combination decides from the same scores.
            TrainedModel.Scored scored = model.score(example.subject(), example.description());
            Decision decision = combined.decide(example.subject(), example.description(), scored);
            for (Field field : Field.values()) {
                String given = example.label(field);
                if (given != null && scored.has(field)) {
                    fields.get(field).add(given, field.of(decision.rules()), scored.label(field), decision.get(field));
                }
            }
        }
        return new Evaluation(fields);
    }

    /** Sums evaluations over the same fields (the folds of a cross-validation). */
    static Evaluation sum(List<Evaluation> parts) {
        Map<Field, FieldEvaluation> fields = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            FieldEvaluation sum = new FieldEvaluation(field);
            parts.forEach(part -> sum.addAll(part.get(field)));
            fields.put(field, sum);
        }
        return new Evaluation(fields);
    }
}
