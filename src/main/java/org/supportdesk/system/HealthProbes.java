package org.supportdesk.system;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probes for orchestrators, beside `GET /health`. Liveness says only that the process works (a
 * database outage must not get the service restarted); readiness says it can serve: started, the
 * database answers and its schema is migrated.
 */
@RestController
class HealthProbes {

    private final ApplicationAvailability availability;
    private final JdbcClient jdbc;
    private final ObjectProvider<Flyway> flyway;
    private volatile boolean migrated;

    HealthProbes(ApplicationAvailability availability, JdbcClient jdbc, ObjectProvider<Flyway> flyway) {
        this.availability = availability;
        this.jdbc = jdbc;
        this.flyway = flyway;
    }

    @Operation(summary = "Liveness: 200 while the process works")
    @GetMapping("/health/live")
    ResponseEntity<Map<String, String>> live() {
        if (availability.getLivenessState() == LivenessState.BROKEN) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "broken", "detail", "The application reported itself broken"));
        }
        return ResponseEntity.ok(Map.of("status", "ok"));
    }

    @Operation(summary = "Readiness: 200 when started, the database answers and the schema is migrated")
    @GetMapping("/health/ready")
    ResponseEntity<Map<String, String>> ready() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "unavailable", "detail", "The service is starting or stopping"));
        }
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (RuntimeException e) {
            return unavailable("down", "Database unavailable");
        }
        if (!migrated()) {
            return unavailable("up", "Database migrations are pending");
        }
        return ResponseEntity.ok(Map.of("status", "ok", "database", "up"));
    }

    /** Asked of Flyway until it says so once: the schema does not go back. */
    private boolean migrated() {
        if (!migrated) {
            Flyway migrations = flyway.getIfAvailable();
            try {
                migrated = migrations == null || migrations.info().pending().length == 0;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return migrated;
    }

    private static ResponseEntity<Map<String, String>> unavailable(String database, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", "unavailable", "database", database, "detail", detail));
    }
}
