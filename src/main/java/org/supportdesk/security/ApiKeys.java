package org.supportdesk.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The api_keys table: keys by id and by the SHA-256 of their secret. */
@Component
class ApiKeys {

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String hash) {
        jdbc.sql("INSERT INTO api_keys (id, name, role, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        key.id().toString(),
                        key.name(),
                        key.role().value(),
                        hash,
                        key.createdAt().toEpochMilli())
                .update();
    }

    /** The key with that hash, revoked or not. */
    Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM api_keys WHERE key_hash = ?")
                .param(hash)
                .query(ApiKeys::map)
                .optional();
    }

    List<ApiKey> all() {
        return jdbc.sql("SELECT * FROM api_keys ORDER BY created_at, id")
                .query(ApiKeys::map)
                .list();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE id = ?")
                        .param(id.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys").query(Long.class).single();
    }

    /** Revokes the key unless it already is; false when there is no such key. */
    boolean revoke(UUID id, Instant at) {
        jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(at.toEpochMilli(), id.toString())
                .update();
        return exists(id);
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
                .params(at.toEpochMilli(), id.toString())
                .update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                UUID.fromString(rs.getString("id")),
                rs.getString("name"),
                Role.parse(rs.getString("role")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
