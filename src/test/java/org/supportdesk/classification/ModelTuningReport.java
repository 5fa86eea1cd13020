package org.supportdesk.classification;

import java.util.List;

/** Not a test: prints the cross-validated confusion matrices on the training part. */
public final class ModelTuningReport {
    public static void main(String[] args) {
        List<Example> training = LabelledSet.examples(LabelledSet.training());
        TrainingOptions o = ModelTuning.apply(TrainingOptions.defaults(), args.length > 0 ? args[0] : "");
        Evaluation e = CrossValidation.run(training, 5, Classifier.withDefaultRules(), o, 100);
        for (Field f : Field.values()) {
            System.out.println(f + " rules\n" + e.get(f).rules().toMarkdown());
            System.out.println(f + " model\n" + e.get(f).model().toMarkdown());
            System.out.println(f + " combined (" + e.get(f).modelDecisions() + " by model)\n"
                    + e.get(f).combined().toMarkdown());
        }
    }
}
