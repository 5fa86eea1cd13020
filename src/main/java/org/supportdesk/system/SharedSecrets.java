package org.supportdesk.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets that every instance sharing the database must agree on, such as the key that signs list
 * cursors: the first instance that asks for one generates it and stores it in the settings table;
 * every instance, then and after a restart, reads that one.
 */
@Component
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Database db;

    SharedSecrets(JdbcClient jdbc, Database db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** The 32-byte secret of that name, created on first use. Callers keep it: this reads the database. */
    public byte[] get(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Two instances asking at once both insert; the database keeps the first, both read it.
        db.write(() -> jdbc.sql("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, Base64.getEncoder().encodeToString(fresh))
                .update());
        String stored = jdbc.sql("SELECT value FROM settings WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(stored);
    }
}
