package org.supportdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-app tests: the real server on a random port over a database in a temporary
 * data directory (or, on the PostgreSQL run, a database of the embedded server: see {@link
 * TestDatabase}), one for the whole run so that the Spring context is shared. Tests isolate their
 * data by customer id rather than by wiping the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(TestDatabase.BOTH)
public abstract class ApiTest {

    protected static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("supportdesk-test");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("supportdesk.data-dir", DATA_DIR::toString);
        TestDatabase.register(registry);
        registry.add("supportdesk.admin-key", () -> Api.ADMIN_KEY);
        registry.add("supportdesk.metrics.token", () -> Api.METRICS_TOKEN);
        // Every test shares the admin key and 127.0.0.1: limits that tests never reach, except
        // those about rate limiting, which start a server of their own.
        registry.add("supportdesk.rate-limit.per-key", () -> "100000000");
        registry.add("supportdesk.rate-limit.per-address", () -> "100000000");
        registry.add("supportdesk.rate-limit.imports", () -> "100000000");
        registry.add("supportdesk.rate-limit.classify-all", () -> "100000000");
        // The shared server's decisions stay the rules' whatever tests store or train: its model
        // never trains by itself and never decides. The model's tests start servers of their own.
        registry.add("supportdesk.classifier.retrain-after", () -> "0");
        registry.add("supportdesk.classifier.min-examples", () -> "1000000000");
        // Searches rank windows of five matches, so that a test's few tickets span several.
        registry.add("supportdesk.search.rank-window", () -> "5");
    }

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }
}
