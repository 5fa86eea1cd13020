package org.supportdesk.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 200 `{"status": "healthy", "version", "database": "up"}` when the service and its database
 * answer (a client of the original service looks for "healthy"), 503 with "unhealthy" otherwise.
 */
@RestController
class HealthController {

    private final JdbcClient jdbc;
    private final String version;

    HealthController(JdbcClient jdbc, @Value("${supportdesk.version:unknown}") String version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        var body = new LinkedHashMap<String, String>();
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            body.put("status", "healthy");
            body.put("version", version);
            body.put("database", "up");
            return ResponseEntity.ok(body);
        } catch (RuntimeException e) {
            body.put("status", "unhealthy");
            body.put("version", version);
            body.put("database", "down");
            body.put("detail", "Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
    }
}
