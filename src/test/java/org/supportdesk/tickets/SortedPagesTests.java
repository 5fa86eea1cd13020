package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SortedPagesTests {

    @Test
    void idsCompareAsTheirTextDoesAsSqlOrdersThem() {
        var random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            // Halves of every sign, and pairs that share the first half.
            UUID a = new UUID(random.nextLong(), random.nextLong());
            UUID b = random.nextBoolean()
                    ? new UUID(random.nextLong(), random.nextLong())
                    : new UUID(a.getMostSignificantBits(), random.nextLong());

            assertThat(Integer.signum(SortedPages.asText(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        }
    }
}
