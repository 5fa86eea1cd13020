package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Timestamps;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"supportdesk.sla.breach-check-interval=1h", "supportdesk.import-max-size=200MB"})
/**
 * Not a test (the name keeps it out of `./mvnw verify`): what a run of the breach check costs with
 * 100,000 tickets overdue, against the rejected "overdue and not announced" query, and what a burst
 * of 100,000 breaches due at once costs. The figures in docs/WEBHOOKS.md came from
 * {@code ./mvnw -o test -Dtest=SlaBreachCheckMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 * (SQLite) and {@code ./mvnw -o test-compile surefire:test@postgresql -Dtest=SlaBreachCheckMeasurement}
 * ({@code -Dn=} another number of tickets); it prints lines starting with MEASURE.
 */
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
class SlaBreachCheckMeasurement {
    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        OnMovableClock.register(registry, "sla-measure", T);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    SlaBreachCheck check;

    @Autowired
    JdbcClient jdbc;

    long ms(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    @Test
    void measure() {
        int n = Integer.getInteger("n", 100_000);
        var csv = new StringBuilder(
                "customer_id,customer_email,customer_name,subject,description,category,priority,status,created_at\n");
        for (int i = 0; i < n; i++) {
            csv.append("C-")
                    .append(i)
                    .append(",a@example.com,Ann,Export broken,It does not work,technical_issue,urgent,new,")
                    .append(Timestamps.format(T.plusMillis(i % 1000)))
                    .append('\n');
        }
        var api = new Api(port);
        var r = api.sendBytes("POST", "/import/csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        check.run();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        System.out.println("MEASURE first run announcing " + n + " breaches: " + ms(check::run) + " ms");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            System.out.println("MEASURE steady run, " + n + " overdue: " + ms(check::run) + " ms");
        }
        long now = clock.millis();
        for (int i = 0; i < 3; i++) {
            long[] c = new long[1];
            long t = ms(() -> c[0] = jdbc.sql(
                            "SELECT COUNT(*) FROM tickets t WHERE sla_due_at < ? AND NOT EXISTS (SELECT 1 FROM sla_breach_announcements a"
                                    + " WHERE a.ticket_id = t.id AND a.target = 'first_response' AND a.due_at = t.first_response_due_at)")
                    .param(now)
                    .query(Long.class)
                    .single());
            System.out.println(
                    "MEASURE rejected anti-join over " + n + " overdue: " + t + " ms (" + c[0] + " unannounced)");
        }
        clock.advance(Duration.ofHours(3));
        System.out.println("MEASURE run announcing " + n + " watched resolutions: " + ms(check::run) + " ms");
        System.out.println("MEASURE claims "
                + jdbc.sql("SELECT COUNT(*) FROM sla_breach_announcements")
                        .query(Long.class)
                        .single());
    }
}
