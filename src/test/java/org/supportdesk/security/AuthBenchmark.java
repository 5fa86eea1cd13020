package org.supportdesk.security;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the authentication filter costs one request of GET /tickets/{id} with a valid, cached key:
 * parsing the path, matching the rules, SHA-256 of the key, the cache lookup and the rate-limit
 * bucket. {@code bare} builds the same mock request and response without the filter; the
 * difference is the filter's own cost. Not a test: {@code java -cp ... AuthBenchmark}, as
 * ClassifierBenchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(2)
public class AuthBenchmark {

    private static final FilterChain NOTHING = (request, response) -> {};

    private AuthFilter filter;
    private String secret;
    private String path;

    @Setup
    public void setUp() {
        secret = ApiKeyService.newSecret();
        var key = new ApiKey(UUID.randomUUID(), "bench", Role.ADMIN, Instant.now(), null, null);
        String hash = ApiKeyService.hash(secret);
        ApiKeys store = new ApiKeys(null) {
            @Override
            Optional<ApiKey> findByHash(String h) {
                return h.equals(hash) ? Optional.of(key) : Optional.empty();
            }
        };
        var settings = new SecuritySettings(
                true,
                null,
                Duration.ofSeconds(10),
                new SecuritySettings.RateLimit(true, Duration.ofMinutes(1), 1_000_000_000L, 60, 10, 2, 10_000),
                new SecuritySettings.Cors(List.of()));
        // No database: the once-a-minute "last used" write fails off the request path, which is fine here.
        var keys = new ApiKeyService(store, null, Clock.systemUTC(), settings);
        filter = new AuthFilter(
                keys, new RateLimits(settings.rateLimit(), TimeMeter.SYSTEM_NANOTIME), settings, MetricsToken.NONE);
        path = "/tickets/" + UUID.randomUUID();
    }

    private MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("GET", path);
        request.addHeader("Authorization", "Bearer " + secret);
        return request;
    }

    @Benchmark
    public Object bare() throws Exception {
        var request = request();
        var response = new MockHttpServletResponse();
        NOTHING.doFilter(request, response);
        return response;
    }

    @Benchmark
    public Object authenticated() throws Exception {
        var request = request();
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, NOTHING);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("refused: " + response.getStatus());
        }
        return response;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(AuthBenchmark.class.getName())
                        .build())
                .run();
    }
}
