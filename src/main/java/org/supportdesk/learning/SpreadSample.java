package org.supportdesk.learning;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.classification.Example;

/**
 * At most {@code capacity} of a stream of examples, spread evenly over all of it without knowing its
 * length in advance: every example while they fit, then every second, fourth, ... (each time the
 * sample overflows, every other one kept goes and the step doubles). Deterministic: the same stream
 * gives the same sample.
 */
final class SpreadSample {

    private final int capacity;
    private final List<Example> kept = new ArrayList<>();
    private long seen;
    private long step = 1;

    SpreadSample(int capacity) {
        this.capacity = capacity;
    }

    void add(Example example) {
        if (seen++ % step != 0) {
            return;
        }
        kept.add(example);
        if (kept.size() > capacity) {
            List<Example> half = new ArrayList<>(capacity);
            for (int i = 0; i < kept.size(); i += 2) {
                half.add(kept.get(i));
            }
            kept.clear();
            kept.addAll(half);
            step *= 2;
        }
    }

    List<Example> examples() {
        return kept;
    }
}
