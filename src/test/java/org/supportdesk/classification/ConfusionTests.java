package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTests {

    private static Confusion threeOfFive() {
        Confusion c = new Confusion(List.of("high", "low"));
        c.add("high", "high");
        c.add("high", "high");
        c.add("high", "low");
        c.add("low", "low");
        c.add("low", "high");
        return c;
    }

    @Test
    void countsAccuracyRecallAndPrecision() {
        Confusion c = threeOfFive();

        assertThat(c.total()).isEqualTo(5);
        assertThat(c.right()).isEqualTo(3);
        assertThat(c.accuracy()).isEqualTo(0.6);
        assertThat(c.recall("high")).isEqualTo(2 / 3.0);
        assertThat(c.precision("high")).isEqualTo(2 / 3.0);
        assertThat(c.recall("low")).isEqualTo(0.5);
        assertThat(c.count("high", "low")).isEqualTo(1);
        assertThat(c.examples("high")).isEqualTo(3);
    }

    @Test
    void anEmptyMatrixScoresZeroRatherThanDividingByZero() {
        Confusion c = new Confusion(List.of("high", "low"));

        assertThat(c.accuracy()).isZero();
        assertThat(c.recall("high")).isZero();
        assertThat(c.precision("low")).isZero();
    }

    @Test
    void matricesOfFoldsAddUp() {
        Confusion sum = threeOfFive();
        sum.addAll(threeOfFive());

        assertThat(sum.total()).isEqualTo(10);
        assertThat(sum.accuracy()).isEqualTo(0.6);
    }

    @Test
    void printsAsAMarkdownTable() {
        assertThat(threeOfFive().toMarkdown()).isEqualTo("""
                        | given \\ chosen | high | low | recall | precision |
                        |---|---:|---:|---:|---:|
                        | high | 2 | 1 | 0.67 | 0.67 |
                        | low | 1 | 1 | 0.50 | 0.50 |
                        """);
    }

    @Test
    void anUnknownLabelIsAnError() {
        assertThatThrownBy(() -> threeOfFive().add("medium", "low"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("medium");
    }
}
