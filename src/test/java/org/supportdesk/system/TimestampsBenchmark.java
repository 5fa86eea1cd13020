package org.supportdesk.system;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The timestamps' own writer and reader (Timestamps) against the JDK's formatter for
 * the same fixed-width form (appendInstant(3)) and Instant.parse. Not a test: {@code java -cp ...
 * TimestampsBenchmark}, as ClassifierBenchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TimestampsBenchmark {

    private static final DateTimeFormatter JDK =
            new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private final Instant[] instants = new Instant[64];
    private final String[] texts = new String[64];
    private int next;

    public TimestampsBenchmark() {
        for (int i = 0; i < instants.length; i++) {
            instants[i] = Instant.ofEpochMilli(1_764_000_000_000L + i * 987_654_321L);
            texts[i] = Timestamps.format(instants[i]);
        }
    }

    private int i() {
        int i = next;
        next = (i + 1) & 63;
        return i;
    }

    @Benchmark
    public String formatOwn() {
        return Timestamps.format(instants[i()]);
    }

    @Benchmark
    public String formatJdk() {
        return JDK.format(instants[i()]);
    }

    @Benchmark
    public Instant parseOwn() {
        return Timestamps.parse(texts[i()]);
    }

    @Benchmark
    public Instant parseJdk() {
        return Instant.parse(texts[i()]);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(TimestampsBenchmark.class.getName())
                        .build())
                .run();
    }
}
