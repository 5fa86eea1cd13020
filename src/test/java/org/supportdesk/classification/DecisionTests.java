package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecisionTests {

    @Test
    void probabilitiesInTheReasoningAreRoundedAsStringFormatRoundsThem() {
        double[] edges = {0, 1, 0.005, 0.125, 0.285, 0.995, 0.994999, 0.5, 0.045, 0.105, 0.675};
        for (double p : edges) {
            assertThat(Decision.twoDecimals(p)).as("%s", p).isEqualTo(String.format(Locale.ROOT, "%.2f", p));
        }
        var random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double p = random.nextDouble();
            assertThat(Decision.twoDecimals(p)).as("%s", p).isEqualTo(String.format(Locale.ROOT, "%.2f", p));
        }
    }
}
