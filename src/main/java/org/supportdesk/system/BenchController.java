package org.supportdesk.system;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A fixed ticket served without the database: the benchmark's yardstick for what the web layer
 * alone costs. Only answers when `supportdesk.bench.enabled=true`; otherwise 404 as any unknown path.
 * Checked per request rather than by a condition on the bean: the packaged jar's bean definitions
 * are fixed at build time (SupportdeskApplication).
 */
@Hidden
@RestController
class BenchController {

    private static final Map<String, Object> TICKET = new LinkedHashMap<>();

    static {
        TICKET.put("id", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        TICKET.put("customer_id", "cust-000042");
        TICKET.put("customer_email", "ann.lee@example.com");
        TICKET.put("customer_name", "Ann Lee");
        TICKET.put("subject", "Charged twice for my subscription");
        TICKET.put("description", "I was charged twice this month for the same plan, please refund one of them.");
        TICKET.put("category", "billing_question");
        TICKET.put("priority", "high");
        TICKET.put("status", "new");
        TICKET.put("tags", List.of("billing", "refund"));
        TICKET.put("assigned_to", null);
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("source", "email");
        metadata.put("browser", "Firefox 132");
        metadata.put("device_type", "desktop");
        TICKET.put("metadata", metadata);
        TICKET.put("created_at", "2026-11-25T17:16:59.296Z");
        TICKET.put("updated_at", "2026-11-25T17:16:59.296Z");
        TICKET.put("resolved_at", null);
        TICKET.put("classification", null);
        TICKET.put("version", 1);
    }

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final boolean enabled;

    BenchController(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            @Value("${supportdesk.bench.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    private void requireEnabled(String path) throws NoResourceFoundException {
        if (!enabled) {
            throw new NoResourceFoundException(HttpMethod.GET, path, path);
        }
    }

    @GetMapping("/bench/db")
    ResponseEntity<Map<String, Object>> db() throws NoResourceFoundException {
        requireEnabled("/bench/db");
        jdbc.sql("SELECT 1").query(Integer.class).single();
        return ResponseEntity.ok().eTag("\"1\"").body(TICKET);
    }

    @GetMapping("/bench/bare")
    ResponseEntity<Map<String, Object>> bare() throws NoResourceFoundException {
        requireEnabled("/bench/bare");
        return ResponseEntity.ok().eTag("\"1\"").body(TICKET);
    }
}
