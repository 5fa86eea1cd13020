package org.supportdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.classification.Example;

class SpreadSampleTests {

    private static Example numbered(int i) {
        return new Example("ticket " + i, "", null, null);
    }

    private static List<String> subjects(SpreadSample sample) {
        return sample.examples().stream().map(Example::subject).toList();
    }

    @Test
    void keepsEveryExampleWhileTheyFit() {
        var sample = new SpreadSample(5);
        for (int i = 0; i < 5; i++) {
            sample.add(numbered(i));
        }

        assertThat(subjects(sample)).containsExactly("ticket 0", "ticket 1", "ticket 2", "ticket 3", "ticket 4");
    }

    @Test
    void spreadsOverTheWholeStreamWithinItsCapacity() {
        var sample = new SpreadSample(4);
        for (int i = 0; i < 20; i++) {
            sample.add(numbered(i));
        }

        // Every fourth after two overflows: 0, 4, 8, 12, 16 is five, so every eighth.
        assertThat(subjects(sample)).containsExactly("ticket 0", "ticket 8", "ticket 16");
        assertThat(sample.examples()).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void theSameStreamGivesTheSameSample() {
        var first = new SpreadSample(100);
        var second = new SpreadSample(100);
        for (int i = 0; i < 1234; i++) {
            first.add(numbered(i));
            second.add(numbered(i));
        }

        assertThat(subjects(second)).isEqualTo(subjects(first)).hasSizeGreaterThan(50);
    }
}
