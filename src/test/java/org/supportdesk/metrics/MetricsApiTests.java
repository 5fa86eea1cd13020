package org.supportdesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `/metrics` scraped and parsed after known traffic: what was done is what is counted. */
class MetricsApiTests extends ApiTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern METRIC = Pattern.compile(
            "\\b(?:supportdesk|http_server|hikaricp|jvm|process|system|logback|disk|application)_[a-z_]+\\b");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-|/\\d+(/|$)");

    private Scrape scrape() {
        Api.Response r = api.get("/metrics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
        return Scrape.parse(r.body());
    }

    private static Map<String, String> route(String method, String uri, int status) {
        return Map.of("method", method, "uri", uri, "status", Integer.toString(status));
    }

    /**
     * A request's timer is recorded as its response completes, which the client may see a moment
     * before: the scrape is repeated until it agrees, within a deadline.
     */
    private Scrape scrapeUntil(Predicate<Scrape> agrees) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Scrape s = scrape();
        while (!agrees.test(s) && System.nanoTime() < deadline) {
            s = scrape();
        }
        return s;
    }

    @Test
    void requestsAreCountedByRouteTemplateMethodAndStatus() {
        String id = api.post("/tickets", aTicket().build()).json().get("id").asString();
        Scrape before = scrape();

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/tickets/" + id).status()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/tickets/" + UUID.randomUUID()).status()).isEqualTo(404);
        }
        assertThat(api.post("/tickets", aTicket().build()).status()).isEqualTo(201);
        assertThat(api.withKey(null).get("/tickets").status()).isEqualTo(401);

        var gets = route("GET", "/tickets/{id}", 200);
        Scrape after = scrapeUntil(s -> s.sum(REQUESTS, gets) - before.sum(REQUESTS, gets) >= 3);
        assertThat(after.sum(REQUESTS, gets) - before.sum(REQUESTS, gets)).isEqualTo(3);
        assertThat(delta(before, after, route("GET", "/tickets/{id}", 404))).isEqualTo(2);
        assertThat(delta(before, after, route("POST", "/tickets", 201))).isEqualTo(1);
        // Refused before any route matched: counted, without a path.
        assertThat(delta(before, after, route("GET", "UNKNOWN", 401))).isEqualTo(1);
    }

    private static double delta(Scrape before, Scrape after, Map<String, String> labels) {
        return after.sum(REQUESTS, labels) - before.sum(REQUESTS, labels);
    }

    @Test
    void latencyIsAHistogramWithCumulativeBuckets() {
        String id = api.post("/tickets", aTicket().build()).json().get("id").asString();
        api.get("/tickets/" + id);

        Scrape s = scrape();
        List<Scrape.Sample> buckets = s.all("http_server_requests_seconds_bucket", route("GET", "/tickets/{id}", 200));

        assertThat(buckets).extracting(b -> b.labels().get("le")).contains("0.005", "0.1", "1.0", "10.0", "+Inf");
        double previous = 0;
        for (Scrape.Sample bucket : buckets) {
            assertThat(bucket.value()).isGreaterThanOrEqualTo(previous);
            previous = bucket.value();
        }
        assertThat(previous).isEqualTo(s.sum(REQUESTS, route("GET", "/tickets/{id}", 200)));
        assertThat(s.sum("http_server_requests_seconds_sum", route("GET", "/tickets/{id}", 200)))
                .isPositive();
    }

    @Test
    void routeLabelsNeverHoldIds() {
        String id = api.post("/tickets", aTicket().build()).json().get("id").asString();
        api.get("/tickets/" + id);
        api.get("/tickets/" + id + "/history");
        api.patch("/tickets/" + id, Map.of("status", "in_progress"));
        api.get("/no/such/path/" + UUID.randomUUID());

        var uris = new ArrayList<String>();
        for (Scrape.Sample sample : scrape().samples()) {
            if (sample.name().startsWith("http_server_requests")) {
                uris.add(sample.labels().get("uri"));
            }
        }

        assertThat(uris).isNotEmpty().contains("/tickets/{id}", "/tickets/{id}/history");
        assertThat(uris).allSatisfy(uri -> {
            assertThat(uri).doesNotContain(id);
            assertThat(ID.matcher(uri).find()).as(uri).isFalse();
        });
    }

    @Test
    void ticketGaugesFollowTheStatsByStatus() {
        api.post("/tickets", aTicket().build());

        // The gauges read the counts at most once a second: poll until they have caught up.
        JsonNode stats = api.get("/tickets/stats").json().get("by_status");
        Scrape s = scrapeUntil(scrape -> agrees(scrape, stats));

        for (String status : List.of("new", "in_progress", "waiting_customer", "resolved", "closed")) {
            assertThat(s.sum("supportdesk_tickets", Map.of("status", status)))
                    .as(status)
                    .isEqualTo(stats.get(status).asDouble());
        }
    }

    private static boolean agrees(Scrape scrape, JsonNode byStatus) {
        for (var entry : byStatus.properties()) {
            if (scrape.sum("supportdesk_tickets", Map.of("status", entry.getKey()))
                    != entry.getValue().asDouble()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void classifierDecisionsAreCountedByMethodAndOutcome() {
        var body = aTicket()
                .unclassified()
                .withSubject("Charged twice this month")
                .withDescription("My card was charged twice for the Pro plan, please refund.")
                .build();
        Scrape before = scrape();

        JsonNode created = api.post("/tickets", body).json();

        var decided = Map.of(
                "method",
                "rules",
                "category",
                created.get("category").asString(),
                "priority",
                created.get("priority").asString());
        Scrape after = scrape();
        assertThat(after.sum("supportdesk_classifier_decisions_total", decided)
                        - before.sum("supportdesk_classifier_decisions_total", decided))
                .isEqualTo(1);
    }

    @Test
    void importsCountTheirRowsAndTheirFailures() {
        String csv = "customer_id,customer_email,customer_name,subject,description\n"
                + "metrics-1,ann@example.com,Ann,Printer jam,The printer jams on every page\n"
                + "metrics-2,not-an-email,Bob,Printer jam,The printer jams on every page\n"
                + "metrics-3,cy@example.com,Cy,Cannot log in,I cannot log in since this morning\n";
        var imported = Map.of("format", "csv", "outcome", "imported");
        var invalid = Map.of("format", "csv", "outcome", "invalid");
        var completed = Map.of("format", "csv", "outcome", "completed");
        var failed = Map.of("format", "csv", "outcome", "failed");
        Scrape before = scrape();

        assertThat(api.send("POST", "/import/csv", "text/csv", csv, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.send("POST", "/import/csv", "text/csv", "customer_id,subject\n\"unclosed\n", Map.of())
                        .status())
                .isEqualTo(400);

        Scrape after = scrape();
        assertThat(diff(before, after, "supportdesk_import_rows_total", imported))
                .isEqualTo(2);
        assertThat(diff(before, after, "supportdesk_import_rows_total", invalid))
                .isEqualTo(1);
        assertThat(diff(before, after, "supportdesk_imports_total", completed)).isEqualTo(1);
        assertThat(diff(before, after, "supportdesk_imports_total", failed)).isEqualTo(1);
    }

    private static double diff(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void poolJvmAndProcessAreThere() {
        Scrape s = scrape();

        assertThat(s.all("hikaricp_connections_max", Map.of())).isNotEmpty();
        assertThat(s.all("hikaricp_connections_active", Map.of())).isNotEmpty();
        assertThat(s.all("hikaricp_connections_pending", Map.of())).isNotEmpty();
        assertThat(s.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        assertThat(s.sum("jvm_threads_live_threads")).isPositive();
        assertThat(s.sum("process_uptime_seconds")).isPositive();
        assertThat(s.all("process_cpu_usage", Map.of())).isNotEmpty();
        assertThat(s.sum("application_ready_time_seconds")).isPositive();
    }

    @Test
    void everyMetricTheSampleDashboardQueriesIsServed() throws Exception {
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("docs/grafana/supportdesk-dashboard.json")));
        // Series that appear once something happened: a GC, an import, a decision, an error log.
        System.gc();
        api.send("POST", "/import/csv", "text/csv", "customer_id,subject\n\"unclosed\n", Map.of());
        api.post("/tickets", aTicket().without("category").build());
        var queried = new java.util.TreeSet<String>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asString());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }

        var served = new java.util.HashSet<String>();
        scrape().samples().forEach(sample -> served.add(sample.name()));
        assertThat(queried).hasSizeGreaterThan(15);
        assertThat(served).containsAll(queried);
    }
}
