package org.supportdesk.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prometheus scrape endpoint. Written straight to the response in the text format 0.0.4,
 * whatever the Accept header says: Prometheus accepts it, and a scrape needs no content
 * negotiation (nor a copy of the whole text in a String). Access: an admin key or the metrics
 * token (security/AccessRules).
 */
@RestController
class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Metrics in the Prometheus text format (admin key or the metrics token)")
    @GetMapping("/metrics")
    void scrape(HttpServletResponse response) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        registry.scrape(response.getOutputStream());
    }
}
