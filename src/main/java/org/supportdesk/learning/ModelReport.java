package org.supportdesk.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supportdesk.classification.Confusion;
import org.supportdesk.classification.Evaluation;
import org.supportdesk.classification.Field;
import org.supportdesk.classification.FieldEvaluation;
import org.supportdesk.classification.TrainedModel;

/**
 * The quality report kept with each model and shown by {@code GET /classification/model}: the
 * examples per label, and per field the cross-validated accuracy of the model, of the rules on the
 * same examples, and of the two combined as the service decides, per label and as confusion
 * matrices. Made once, when the model is trained, as JSON-ready maps.
 */
final class ModelReport {

    static final int FOLDS = 5;

    private ModelReport() {}

    /**
     * @param evaluation the cross-validation, over {@code evaluated} of the {@code examples} examples;
     *     null when there were too few to cross-validate
     */
    static Map<String, Object> of(
            TrainedModel model, int examples, Evaluation evaluation, int evaluated, int minExamples) {
        var report = new LinkedHashMap<String, Object>();
        report.put("examples", examples);
        var perLabel = new LinkedHashMap<String, Object>();
        var decides = new LinkedHashMap<String, Object>();
        for (Field field : Field.values()) {
            perLabel.put(field.key(), model.examplesPerLabel(field));
            decides.put(field.key(), model.examples(field) >= minExamples);
        }
        report.put("examples_per_label", perLabel);
        report.put("model_decides", decides);
        if (evaluation == null) {
            // Fewer examples than folds: nothing to measure yet.
            report.put("cross_validation", null);
            return report;
        }
        var validation = new LinkedHashMap<String, Object>();
        validation.put("method", FOLDS + "-fold cross-validation");
        validation.put("examples", evaluated);
        for (Field field : Field.values()) {
            validation.put(field.key(), field(evaluation.get(field)));
        }
        report.put("cross_validation", validation);
        return report;
    }

    private static Map<String, Object> field(FieldEvaluation e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("examples", e.examples());
        var accuracy = new LinkedHashMap<String, Object>();
        accuracy.put("rules", round(e.rules().accuracy()));
        accuracy.put("model", round(e.model().accuracy()));
        accuracy.put("combined", round(e.combined().accuracy()));
        out.put("accuracy", accuracy);
        out.put("decided_by_model", e.modelDecisions());
        var labels = new LinkedHashMap<String, Object>();
        for (String label : e.rules().labels()) {
            var one = new LinkedHashMap<String, Object>();
            one.put("examples", e.rules().examples(label));
            one.put("rules", scores(e.rules(), label));
            one.put("model", scores(e.model(), label));
            one.put("combined", scores(e.combined(), label));
            labels.put(label, one);
        }
        out.put("labels", labels);
        var confusion = new LinkedHashMap<String, Object>();
        confusion.put("labels", e.rules().labels());
        confusion.put("rules", matrix(e.rules()));
        confusion.put("model", matrix(e.model()));
        confusion.put("combined", matrix(e.combined()));
        out.put("confusion", confusion);
        return out;
    }

    private static Map<String, Object> scores(Confusion c, String label) {
        var out = new LinkedHashMap<String, Object>();
        out.put("recall", round(c.recall(label)));
        out.put("precision", round(c.precision(label)));
        return out;
    }

    /** Rows: the label a person gave; columns: the label chosen, in the order of {@code labels}. */
    private static List<List<Integer>> matrix(Confusion c) {
        var rows = new ArrayList<List<Integer>>();
        for (String given : c.labels()) {
            var row = new ArrayList<Integer>();
            for (String chosen : c.labels()) {
                row.add(c.count(given, chosen));
            }
            rows.add(row);
        }
        return rows;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value * 1000) / 1000.0;
    }
}
