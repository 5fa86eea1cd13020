package org.supportdesk.classification;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Not a test: tickets per second of CPU time of one thread for the rules, the model's prediction and the combined
 * decision, on the same 300-character tickets as {@link ModelBenchmark}. On a shared machine wall-clock throughput
 * (JMH) says more about the other processes than about the code; CPU time of the measuring thread does not (caches
 * shared with other processes still cost something). Rounds alternate the three, back to back; the median is printed.
 */
public final class CpuTimeSpeed {

    public static void main(String[] args) {
        ModelBenchmark state = new ModelBenchmark();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 9;
        int calls = 200_000;
        double[][] rates = new double[3][rounds];
        String[] names = {"rules alone", "model predict", "decide (rules + model)"};
        IntUnaryOperator[] work = {
            i -> state.rulesAlone().keywordsFound().size(),
            i -> state.predict().category().topWords().size(),
            i -> state.decide().category().words().size()
        };
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int w = 0; w < work.length; w++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += work[w].applyAsInt(i);
                }
                rates[w][round] = calls / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
        }
        for (int w = 0; w < work.length; w++) {
            double[] sorted = rates[w].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s median %,.0f tickets per CPU-second (rounds: min %,.0f, max %,.0f)%n",
                    names[w],
                    sorted[rounds / 2],
                    sorted[0],
                    sorted[rounds - 1]);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
