package org.supportdesk.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * The SQL of the outbox (webhook_events), the deliveries and their attempts, as the dispatcher
 * works through them (what an admin reads of them is DeliveryLog). A ticket's deliveries to a
 * webhook go one at a time, in the order of their seq: only the first pending one of a (webhook,
 * ticket) is ever due, so a later change waits while an earlier one is retried.
 */
@Component
class Deliveries {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private static final String DUE = "SELECT d.seq, d.id, d.webhook_id, d.attempts, d.first_attempt_at, w.url,"
            + " w.secret, e.id AS event_id, e.type, e.body"
            + " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id"
            + " WHERE d.state = 'pending' AND d.next_at <= ? AND w.enabled = ?"
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.state = 'pending'"
            + " AND p.webhook_id = d.webhook_id AND p.ticket_id = d.ticket_id AND p.seq < d.seq)"
            + " ORDER BY d.seq LIMIT ?";

    private final JdbcClient jdbc;
    private final String claim;

    Deliveries(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        // On PostgreSQL several instances claim side by side: each skips the rows another holds.
        // SQLite has one writer (and one instance per file), so its claims cannot overlap.
        this.claim = dialect == Dialect.POSTGRESQL ? DUE + " FOR UPDATE OF d SKIP LOCKED" : DUE;
    }

    void addEvent(UUID id, EventType type, Instant at, String body) {
        jdbc.sql("INSERT INTO webhook_events (id, type, at, body) VALUES (?, ?, ?, ?)")
                .params(id.toString(), type.wire(), at.toEpochMilli(), body)
                .update();
    }

    /** A new pending delivery of the event to the webhook, due at {@code at}: its id. */
    UUID add(String webhookId, UUID eventId, UUID ticketId, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO webhook_deliveries (id, webhook_id, event_id, ticket_id, state, attempts, next_at,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        id.toString(),
                        webhookId,
                        eventId.toString(),
                        ticketId == null ? null : ticketId.toString(),
                        PENDING,
                        at.toEpochMilli(),
                        at.toEpochMilli())
                .update();
        return id;
    }

    /** A delivery claimed for sending, with what the send needs. */
    record Claimed(
            long seq,
            UUID id,
            UUID webhookId,
            int attempts,
            Instant firstAttemptAt,
            String url,
            String secret,
            UUID eventId,
            String type,
            String body) {}

    /**
     * True when some delivery to an enabled webhook may be due: read outside any transaction, so an
     * idle dispatcher's poll writes nothing (on SQLite, no write transaction every second).
     */
    boolean anyDue(Instant now) {
        return jdbc.sql("SELECT 1 FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                        + " WHERE d.state = 'pending' AND d.next_at <= ? AND w.enabled = ? LIMIT 1")
                .params(now.toEpochMilli(), true)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Claims up to {@code limit} due deliveries (call in a transaction): each is leased until
     * {@code leaseUntil}, when it is due again unless its send was recorded.
     */
    List<Claimed> claim(Instant now, int limit, Instant leaseUntil) {
        List<Claimed> due = jdbc.sql(claim)
                .params(now.toEpochMilli(), true, limit)
                .query((rs, n) -> {
                    long first = rs.getLong("first_attempt_at");
                    Instant firstAt = rs.wasNull() ? null : Instant.ofEpochMilli(first);
                    return new Claimed(
                            rs.getLong("seq"),
                            UUID.fromString(rs.getString("id")),
                            UUID.fromString(rs.getString("webhook_id")),
                            rs.getInt("attempts"),
                            firstAt,
                            rs.getString("url"),
                            rs.getString("secret"),
                            UUID.fromString(rs.getString("event_id")),
                            rs.getString("type"),
                            rs.getString("body"));
                })
                .list();
        for (Claimed c : due) {
            jdbc.sql("UPDATE webhook_deliveries SET next_at = ? WHERE seq = ?")
                    .params(leaseUntil.toEpochMilli(), c.seq())
                    .update();
        }
        return due;
    }

    /** One try: when, how long, the answer's status (null: none) or what went wrong. */
    record Attempt(int number, Instant at, Integer statusCode, long durationMs, String error) {}

    /**
     * Records an attempt and the delivery's next state: {@code nextAt} when it is to be tried again,
     * done at the attempt's time when {@code state} is delivered or failed. False when the delivery
     * is gone (its webhook was deleted meanwhile) or another send of it was recorded first (its lease ran
     * out while this one was under way).
     */
    boolean recordAttempt(Claimed c, Attempt a, String state, Instant nextAt) {
        String id = c.id().toString();
        long first = c.firstAttemptAt() == null
                ? a.at().toEpochMilli()
                : c.firstAttemptAt().toEpochMilli();
        int updated = jdbc.sql("UPDATE webhook_deliveries SET state = ?, attempts = ?, first_attempt_at = ?,"
                        + " next_at = ?, done_at = ? WHERE seq = ? AND attempts = ?")
                .params(
                        state,
                        a.number(),
                        first,
                        nextAt == null ? a.at().toEpochMilli() : nextAt.toEpochMilli(),
                        state.equals(PENDING) ? null : a.at().toEpochMilli(),
                        c.seq(),
                        c.attempts())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, a.number(), a.at().toEpochMilli(), a.statusCode(), a.durationMs(), a.error())
                .update();
        return true;
    }

    long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'")
                .query(Long.class)
                .single();
    }

    /** Deletes deliveries finished before {@code before}, their attempts, and events none still needs. */
    int purge(Instant before) {
        long at = before.toEpochMilli();
        jdbc.sql("DELETE FROM webhook_attempts WHERE delivery_id IN"
                        + " (SELECT id FROM webhook_deliveries WHERE state <> 'pending' AND done_at < ?)")
                .param(at)
                .update();
        int gone = jdbc.sql("DELETE FROM webhook_deliveries WHERE state <> 'pending' AND done_at < ?")
                .param(at)
                .update();
        jdbc.sql("DELETE FROM webhook_events WHERE at < ? AND NOT EXISTS"
                        + " (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id)")
                .param(at)
                .update();
        return gone;
    }
}
