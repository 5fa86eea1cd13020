package org.supportdesk.classification;

import java.io.IOException;
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
 * Single-threaded throughput of {@link Classifier#classify} on tickets of 300 characters (subject, a space and the
 * description), built from the labelled tickets. Not a test: run it with {@code ./mvnw -q -Pbench test-compile
 * exec:exec}; JMH options can be given to {@link #main} when run with {@code java -cp}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@Threads(1)
public class ClassifierBenchmark {

    static final int TEXT_LENGTH = 300;
    private static final int TICKETS = 128;

    private Classifier classifier;
    private String[] subjects;
    private String[] descriptions;
    private int next;

    @Setup
    public void setUp() throws IOException {
        classifier = Classifier.withDefaultRules();
        List<LabelledTicketsTests.LabelledTicket> labelled =
                LabelledTicketsTests.labelledTickets("labelled-tickets.csv");
        subjects = new String[TICKETS];
        descriptions = new String[TICKETS];
        for (int i = 0; i < TICKETS; i++) {
            String subject = labelled.get(i % labelled.size()).subject();
            StringBuilder description = new StringBuilder();
            for (int k = i; subject.length() + 1 + description.length() < TEXT_LENGTH; k++) {
                description
                        .append(labelled.get(k % labelled.size()).description())
                        .append(' ');
            }
            subjects[i] = subject;
            descriptions[i] = description.substring(0, TEXT_LENGTH - 1 - subject.length());
        }
    }

    @Benchmark
    public Classification classify() {
        int i = next;
        next = (i + 1) % TICKETS;
        return classifier.classify(subjects[i], descriptions[i]);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(ClassifierBenchmark.class.getName())
                        .build())
                .run();
    }
}
