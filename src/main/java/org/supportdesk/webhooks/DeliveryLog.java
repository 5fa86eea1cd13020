package org.supportdesk.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A webhook's deliveries as an admin reads them (GET .../deliveries), and what a redelivery copies. */
@Component
class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery in the log, newest first, with its attempts. */
    record Logged(
            UUID id,
            UUID eventId,
            String event,
            String state,
            Instant createdAt,
            Instant nextAttemptAt,
            List<Deliveries.Attempt> attempts) {}

    /**
     * The latest {@code limit} deliveries with their attempts, in one statement: one snapshot, so a
     * delivery's state and its attempts always agree.
     */
    List<Logged> latest(UUID webhookId, int limit) {
        Map<UUID, Logged> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT d.seq, d.id, d.event_id, e.type, d.state, d.created_at, d.next_at,"
                        + " a.attempt, a.at, a.status_code, a.duration_ms, a.error"
                        + " FROM (SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT ?) d"
                        + " JOIN webhook_events e ON e.id = d.event_id"
                        + " LEFT JOIN webhook_attempts a ON a.delivery_id = d.id"
                        + " ORDER BY d.seq DESC, a.attempt")
                .params(webhookId.toString(), limit)
                .query(rs -> {
                    UUID id = UUID.fromString(rs.getString("id"));
                    String state = rs.getString("state");
                    Logged logged = byId.computeIfAbsent(id, k -> {
                        try {
                            return new Logged(
                                    k,
                                    UUID.fromString(rs.getString("event_id")),
                                    rs.getString("type"),
                                    state,
                                    Instant.ofEpochMilli(rs.getLong("created_at")),
                                    Deliveries.PENDING.equals(state)
                                            ? Instant.ofEpochMilli(rs.getLong("next_at"))
                                            : null,
                                    new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    int number = rs.getInt("attempt");
                    if (!rs.wasNull()) {
                        int status = rs.getInt("status_code");
                        Integer code = rs.wasNull() ? null : status;
                        logged.attempts()
                                .add(new Deliveries.Attempt(
                                        number,
                                        Instant.ofEpochMilli(rs.getLong("at")),
                                        code,
                                        rs.getLong("duration_ms"),
                                        rs.getString("error")));
                    }
                });
        return List.copyOf(byId.values());
    }

    /** The event of a delivery of this webhook, if there is one with that id. */
    Optional<UUID> eventOf(UUID webhookId, UUID deliveryId) {
        return jdbc.sql("SELECT event_id FROM webhook_deliveries WHERE webhook_id = ? AND id = ?")
                .params(webhookId.toString(), deliveryId.toString())
                .query(String.class)
                .optional()
                .map(UUID::fromString);
    }

    UUID ticketOf(UUID deliveryId) {
        String ticket = jdbc.sql("SELECT ticket_id FROM webhook_deliveries WHERE id = ?")
                .param(deliveryId.toString())
                .query(String.class)
                .optional()
                .orElse(null);
        return ticket == null ? null : UUID.fromString(ticket);
    }
}
