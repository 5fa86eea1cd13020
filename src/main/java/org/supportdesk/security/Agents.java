package org.supportdesk.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agents table and their one-time set-password links. Writes run inside Database.write. */
@Component
class Agents {

    private final JdbcClient jdbc;

    Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Agent agent) {
        jdbc.sql("INSERT INTO agents (id, email, name, role, password_hash, session_epoch, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        agent.id().toString(),
                        agent.email(),
                        agent.name(),
                        agent.role().value(),
                        agent.passwordHash(),
                        agent.sessionEpoch(),
                        agent.createdAt().toEpochMilli())
                .update();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agents").query(Long.class).single();
    }

    Optional<Agent> byId(UUID id) {
        return jdbc.sql("SELECT * FROM agents WHERE id = ?")
                .param(id.toString())
                .query(Agents::map)
                .optional();
    }

    Optional<Agent> byEmail(String email) {
        return jdbc.sql("SELECT * FROM agents WHERE email = ?")
                .param(email)
                .query(Agents::map)
                .optional();
    }

    /**
     * Whether another agent has this name in any case. LOWER() as in the unique index of V14, so the
     * check and the index agree: PostgreSQL folds every letter, SQLite only A-Z (docs/SECURITY.md).
     */
    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM agents WHERE LOWER(name) = LOWER(?)")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Agent> all() {
        return jdbc.sql("SELECT * FROM agents ORDER BY created_at, id")
                .query(Agents::map)
                .list();
    }

    /** A new password ends every session the agent had. */
    void setPassword(UUID id, String hash) {
        jdbc.sql("UPDATE agents SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?")
                .params(hash, id.toString())
                .update();
    }

    boolean deactivate(UUID id, Instant at) {
        return jdbc.sql("UPDATE agents SET deactivated_at = ?, session_epoch = session_epoch + 1"
                                + " WHERE id = ? AND deactivated_at IS NULL")
                        .params(at.toEpochMilli(), id.toString())
                        .update()
                > 0;
    }

    void insertLink(String tokenHash, UUID agent, Instant expiresAt) {
        jdbc.sql("INSERT INTO agent_password_links (token_hash, agent_id, expires_at) VALUES (?, ?, ?)")
                .params(tokenHash, agent.toString(), expiresAt.toEpochMilli())
                .update();
    }

    /** The agent a link is for, while it is unused and not expired. */
    Optional<UUID> linkOwner(String tokenHash, Instant now) {
        return jdbc.sql("SELECT agent_id FROM agent_password_links"
                        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(tokenHash, now.toEpochMilli())
                .query(String.class)
                .optional()
                .map(UUID::fromString);
    }

    /** Uses the link up; false when it already was used (two tabs at once). */
    boolean useLink(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE agent_password_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                        .params(now.toEpochMilli(), tokenHash)
                        .update()
                == 1;
    }

    /** Earlier links of the agent stop working when a new one is made. */
    void dropLinks(UUID agent) {
        jdbc.sql("DELETE FROM agent_password_links WHERE agent_id = ?")
                .param(agent.toString())
                .update();
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        long deactivated = rs.getLong("deactivated_at");
        Instant deactivatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(deactivated);
        return new Agent(
                UUID.fromString(rs.getString("id")),
                rs.getString("email"),
                rs.getString("name"),
                Role.parse(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getInt("session_epoch"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                deactivatedAt);
    }
}
