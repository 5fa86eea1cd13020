package org.supportdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A server of a test class's own whose clock only the test moves (SLA clocks, webhook retries):
 * `@Import(OnMovableClock.class)`, and {@link #register} in the class's `@DynamicPropertySource`.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OnMovableClock {

    static final String START = "supportdesk.test.clock-start";

    @Bean
    @Primary
    MovableClock movableClock(Environment environment) {
        return new MovableClock(Instant.parse(environment.getRequiredProperty(START)));
    }

    /** A data directory of its own (named after {@code name}), the admin key, the test's database, and the clock's start. */
    public static void register(DynamicPropertyRegistry registry, String name, Instant start) throws IOException {
        register(registry, Files.createTempDirectory(name), start);
    }

    /**
     * The same in {@code dir}: a static JUnit {@code @TempDir} of a class that closes its server
     * after it ({@code @DirtiesContext}), so that the directory, deleted after that, is not left in
     * /tmp by every run.
     */
    public static void register(DynamicPropertyRegistry registry, Path dir, Instant start) {
        registry.add("supportdesk.data-dir", dir::toString);
        registry.add("supportdesk.admin-key", () -> Api.ADMIN_KEY);
        TestDatabase.register(registry);
        registry.add(START, start::toString);
    }
}
