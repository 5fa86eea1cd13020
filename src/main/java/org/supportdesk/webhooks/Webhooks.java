package org.supportdesk.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.supportdesk.system.Dialect;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks table: registrations, their subscriptions and whether they are on. */
@Component
class Webhooks {

    private static final String COLUMNS = "id, url, events, enabled, disabled_reason, created_at, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    // The key of the subscribers read in the current transaction, by event type.
    private static final Object SUBSCRIBERS = new Object();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String lock;

    Webhooks(JdbcClient jdbc, JsonMapper json, Dialect dialect) {
        this.jdbc = jdbc;
        this.json = json;
        // PostgreSQL runs writers side by side: a PATCH reads the row to write what it does not
        // change back, so two PATCHes read it one after the other. SQLite's one writer already does.
        this.lock = dialect.rowLock();
    }

    void insert(Webhook w, String secret) {
        written();
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

    /** The webhook, its row locked until the transaction ends, for a read-modify-write. */
    Optional<Webhook> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?" + lock)
                .param(id.toString())
                .query((rs, n) -> map(rs))
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single();
    }

    /** Stores the webhook's url, events and state; the secret too when {@code secret} is not null. */
    void update(Webhook w, String secret) {
        written();
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
        written();
        jdbc.sql("UPDATE webhooks SET enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ? AND enabled = ?")
                .params(false, reason, at.toEpochMilli(), id.toString(), true)
                .update();
    }

    /** Deletes the webhook and its deliveries with their attempts; false when there was none. */
    boolean delete(UUID id) {
        written();
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
     * change is told to exactly the webhooks registered when it commits. Read once a transaction
     * (until a webhook is written in it): a classify-all that changed 250,000 tickets asked 250,000
     * times, 1.4 s of SQLite's single writer (docs/BENCHMARKS.md).
     */
    List<String> subscribers(EventType type) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(type);
        }
        @SuppressWarnings("unchecked")
        var known = (Map<EventType, List<String>>) TransactionSynchronizationManager.getResource(SUBSCRIBERS);
        if (known == null) {
            known = new EnumMap<>(EventType.class);
            TransactionSynchronizationManager.bindResource(SUBSCRIBERS, known);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SUBSCRIBERS);
                }
            });
        }
        return known.computeIfAbsent(type, this::read);
    }

    /** Forgets the subscribers read in this transaction: a webhook was written. */
    private static void written() {
        if (TransactionSynchronizationManager.getResource(SUBSCRIBERS) instanceof Map<?, ?> known) {
            known.clear();
        }
    }

    private List<String> read(EventType type) {
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
