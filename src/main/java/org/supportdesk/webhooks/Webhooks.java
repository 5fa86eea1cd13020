package org.supportdesk.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks table: registrations, their subscriptions and whether they are on. */
@Component
class Webhooks {

    private static final String COLUMNS = "id, url, events, enabled, disabled_reason, created_at, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Webhooks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Webhook w, String secret) {
        jdbc.sql("INSERT INTO webhooks (" + COLUMNS + ", secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        w.id().toString(),
                        w.url(),
                        json.writeValueAsString(w.events()),
                        w.enabled(),
                        w.disabledReason(),
                        w.createdAt().toEpochMilli(),
                        w.updatedAt().toEpochMilli(),
                        secret)
                .update();
    }

    List<Webhook> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks ORDER BY created_at, id")
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> map(rs))
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single();
    }

    /** Stores the webhook's url, events and state; the secret too when {@code secret} is not null. */
    void update(Webhook w, String secret) {
        jdbc.sql("UPDATE webhooks SET url = ?, events = ?, enabled = ?, disabled_reason = ?, updated_at = ?,"
                        + " secret = COALESCE(?, secret) WHERE id = ?")
                .params(
                        w.url(),
                        json.writeValueAsString(w.events()),
                        w.enabled(),
                        w.disabledReason(),
                        w.updatedAt().toEpochMilli(),
                        secret,
                        w.id().toString())
                .update();
    }

    /** Turns an enabled webhook off, saying why; its pending deliveries wait until it is on again. */
    void disable(UUID id, String reason, Instant at) {
        jdbc.sql("UPDATE webhooks SET enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ? AND enabled = ?")
                .params(false, reason, at.toEpochMilli(), id.toString(), true)
                .update();
    }

    /** Deletes the webhook and its deliveries with their attempts; false when there was none. */
    boolean delete(UUID id) {
        String key = id.toString();
        jdbc.sql("DELETE FROM webhook_attempts WHERE delivery_id IN"
                        + " (SELECT id FROM webhook_deliveries WHERE webhook_id = ?)")
                .param(key)
                .update();
        jdbc.sql("DELETE FROM webhook_deliveries WHERE webhook_id = ?")
                .param(key)
                .update();
        return jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(key).update() == 1;
    }

    /**
     * The enabled webhooks that subscribe to {@code type}: read in the writing transaction, so a
     * change is told to exactly the webhooks registered when it commits.
     */
    List<String> subscribers(EventType type) {
        return jdbc.sql("SELECT id FROM webhooks WHERE enabled = ? AND events LIKE ?")
                .params(true, "%\"" + type.wire() + "\"%")
                .query(String.class)
                .list();
    }

    private Webhook map(ResultSet rs) throws SQLException {
        return new Webhook(
                UUID.fromString(rs.getString("id")),
                rs.getString("url"),
                json.readValue(rs.getString("events"), STRINGS),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
