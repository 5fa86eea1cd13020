package org.supportdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for background work (a training, a poll) by asking again until a deadline: never a fixed sleep. */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(120);

    private Eventually() {}

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as(what + "; last seen: " + value).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
