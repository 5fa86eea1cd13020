package org.supportdesk.classification;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Single-threaded throughput of the model on tickets of 300 characters: {@code predict} (both fields, with the words
 * that weighed most) and {@code decide} (the rules, the model and the choice between them, as the service will call
 * it), beside the rules alone. The model is trained on the whole labelled set. Not a test: run it with {@code ./mvnw
 * -q -Pbench test-compile exec:exec -Dbench.main=org.supportdesk.classification.ModelBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class ModelBenchmark {

    private static final int TICKETS = 128;

    private Classifier rules;
    private TrainedModel model;
    private ModelOrRules combined;
    private String[] subjects;
    private String[] descriptions;
    private int next;

    @Setup
    public void setUp() {
        rules = Classifier.withDefaultRules();
        model = ModelTrainer.train(LabelledSet.examples(LabelledSet.EIGHT_TEAMS.all()), rules);
        combined = new ModelOrRules(rules, model, ModelOrRules.DEFAULT_MIN_EXAMPLES);
        List<LabelledSet.Ticket> tickets = LabelledSet.EIGHT_TEAMS.all();
        subjects = new String[TICKETS];
        descriptions = new String[TICKETS];
        for (int i = 0; i < TICKETS; i++) {
            String subject = tickets.get(i * 7 % tickets.size()).subject();
            StringBuilder description = new StringBuilder();
            for (int k = i * 7; subject.length() + 1 + description.length() < ClassifierBenchmark.TEXT_LENGTH; k++) {
                description
                        .append(tickets.get(k % tickets.size()).description())
                        .append(' ');
            }
            subjects[i] = subject;
            descriptions[i] = description.substring(0, ClassifierBenchmark.TEXT_LENGTH - 1 - subject.length());
        }
    }

    @Benchmark
    public TicketPrediction predict() {
        int i = next;
        next = (i + 1) % TICKETS;
        return model.predict(subjects[i], descriptions[i]);
    }

    @Benchmark
    public Decision decide() {
        int i = next;
        next = (i + 1) % TICKETS;
        return combined.decide(subjects[i], descriptions[i]);
    }

    @Benchmark
    public Classification rulesAlone() {
        int i = next;
        next = (i + 1) % TICKETS;
        return rules.classify(subjects[i], descriptions[i]);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(ModelBenchmark.class.getName())
                        .build())
                .run();
    }
}
