package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's accuracy report: the model trained on the four fifths of {@code team-tickets.csv}, scored on the fifth
 * held out (never used to choose options), beside the rules alone and the combination. Prints every figure that
 * {@code docs/CLASSIFICATION.md} quotes; the floors sit a little below the measured figures so that a regression
 * fails.
 */
class HeldOutAccuracyTests {

    private static final Classifier RULES = Classifier.withDefaultRules();

    @Test
    void theSplitHoldsOutAFifthOfEveryBusinessAndNeverTheSameTicketTwice() {
        List<LabelledSet.Ticket> all = LabelledSet.EIGHT_TEAMS.all();
        List<LabelledSet.Ticket> training = LabelledSet.EIGHT_TEAMS.training();
        List<LabelledSet.Ticket> heldOut = LabelledSet.EIGHT_TEAMS.heldOut();

        assertThat(all).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(training.size() + heldOut.size()).isEqualTo(all.size());
        assertThat(heldOut).doesNotContainAnyElementsOf(training);
        Map<String, Integer> perTeam = new TreeMap<>();
        all.forEach(t -> perTeam.merge(t.team(), 1, Integer::sum));
        assertThat(perTeam).hasSizeGreaterThanOrEqualTo(6);
        perTeam.forEach((team, count) ->
                assertThat(heldOut.stream().filter(t -> t.team().equals(team))).hasSize((count + 4) / 5));
    }

    @Test
    void modelAndCombinationBeatTheRulesOnTheHeldOutFifth() {
        List<Example> training = LabelledSet.examples(LabelledSet.EIGHT_TEAMS.training());
        List<Example> heldOut = LabelledSet.examples(LabelledSet.EIGHT_TEAMS.heldOut());
        TrainedModel model = ModelTrainer.train(training, RULES);

        Evaluation result = Evaluation.of(model, RULES, heldOut, ModelOrRules.DEFAULT_MIN_EXAMPLES);

        print("Held-out fifth (" + heldOut.size() + " tickets), model trained on " + training.size(), result);
        printPerBusiness(model);
        FieldEvaluation category = result.get(Field.CATEGORY);
        FieldEvaluation priority = result.get(Field.PRIORITY);
        assertThat(category.examples()).isEqualTo(heldOut.size());
        assertThat(category.combined().accuracy())
                .isGreaterThan(category.rules().accuracy());
        assertThat(priority.combined().accuracy())
                .isGreaterThan(priority.rules().accuracy());
        // Measured 0.731 / 0.622 (docs/CLASSIFICATION.md); a little below, so that a regression fails.
        assertThat(category.combined().accuracy()).isGreaterThanOrEqualTo(0.71);
        assertThat(priority.combined().accuracy()).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    void oneTeamsSplitHoldsOutAFifth() {
        List<LabelledSet.Ticket> all = LabelledSet.ONE_TEAM.all();
        List<LabelledSet.Ticket> heldOut = LabelledSet.ONE_TEAM.heldOut();

        assertThat(all).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(all.stream().map(LabelledSet.Ticket::team).distinct()).containsExactly("bookwell");
        assertThat(heldOut).hasSize((all.size() + 4) / 5);
        assertThat(heldOut).doesNotContainAnyElementsOf(LabelledSet.ONE_TEAM.training());
    }

    /** Issue 14's target figures: about 800 labelled tickets of one team, scored on that team's held-out fifth. */
    @Test
    void onOneTeamsHeldOutFifthTheCombinationBeatsTheRules() {
        List<Example> training = LabelledSet.examples(LabelledSet.ONE_TEAM.training());
        List<Example> heldOut = LabelledSet.examples(LabelledSet.ONE_TEAM.heldOut());
        TrainedModel model = ModelTrainer.train(training, RULES);

        Evaluation result = Evaluation.of(model, RULES, heldOut, ModelOrRules.DEFAULT_MIN_EXAMPLES);

        print("One team: held-out fifth (" + heldOut.size() + " tickets), model trained on " + training.size(), result);
        FieldEvaluation category = result.get(Field.CATEGORY);
        FieldEvaluation priority = result.get(Field.PRIORITY);
        assertThat(category.examples()).isEqualTo(heldOut.size());
        assertThat(category.combined().accuracy())
                .isGreaterThan(category.rules().accuracy());
        assertThat(priority.combined().accuracy())
                .isGreaterThan(priority.rules().accuracy());
        // Measured 0.746 / 0.627 (docs/CLASSIFICATION.md); a little below, so that a regression fails.
        assertThat(category.combined().accuracy()).isGreaterThanOrEqualTo(0.72);
        assertThat(priority.combined().accuracy()).isGreaterThanOrEqualTo(0.60);
    }

    static void print(String title, Evaluation result) {
        System.out.println(title);
        for (Field field : Field.values()) {
            FieldEvaluation e = result.get(field);
            System.out.printf(
                    Locale.ROOT,
                    "  %s: rules %.3f (%d/%d), model %.3f (%d), combined %.3f (%d; %d decided by the model)%n",
                    field.key(),
                    e.rules().accuracy(),
                    e.rules().right(),
                    e.examples(),
                    e.model().accuracy(),
                    e.model().right(),
                    e.combined().accuracy(),
                    e.combined().right(),
                    e.modelDecisions());
            System.out.println("rules, " + field.key() + ":\n" + e.rules().toMarkdown());
            System.out.println("model, " + field.key() + ":\n" + e.model().toMarkdown());
            System.out.println("combined, " + field.key() + ":\n" + e.combined().toMarkdown());
        }
    }

    private static void printPerBusiness(TrainedModel model) {
        Map<String, List<Example>> byTeam = new TreeMap<>();
        for (LabelledSet.Ticket t : LabelledSet.EIGHT_TEAMS.heldOut()) {
            byTeam.computeIfAbsent(t.team(), k -> new java.util.ArrayList<>()).add(t.example());
        }
        byTeam.forEach((team, examples) -> {
            Evaluation e = Evaluation.of(model, RULES, examples, ModelOrRules.DEFAULT_MIN_EXAMPLES);
            System.out.printf(
                    Locale.ROOT,
                    "  %-10s %3d: category rules %.2f combined %.2f | priority rules %.2f combined %.2f%n",
                    team,
                    examples.size(),
                    e.get(Field.CATEGORY).rules().accuracy(),
                    e.get(Field.CATEGORY).combined().accuracy(),
                    e.get(Field.PRIORITY).rules().accuracy(),
                    e.get(Field.PRIORITY).combined().accuracy());
        });
    }
}
