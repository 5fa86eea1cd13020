package org.supportdesk.classification;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: trains on 100,000 synthetic examples once and prints the time and the peak heap. Run it with the heap
 * capped, e.g. {@code java -Xmx256m -cp ... org.supportdesk.classification.TrainingBenchmark [examples]}; a warm-up
 * training on 5,000 examples comes first so that the measured one runs compiled code.
 */
public final class TrainingBenchmark {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Classifier rules = Classifier.withDefaultRules();
        ModelTrainer.train(SyntheticTickets.make(5_000, 1), rules);
        List<Example> examples = SyntheticTickets.make(count, 2);
        System.gc();
        resetPeaks();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TrainedModel model = ModelTrainer.train(examples, rules);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        byte[] bytes = model.toBytes();
        System.out.printf(
                Locale.ROOT,
                "trained on %,d examples in %,d ms (%,d ms of CPU on the training thread); peak heap %,d MB (max %,d MB); model %,d bytes%n",
                count,
                millis,
                cpuMillis,
                peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                bytes.length);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
