package org.supportdesk.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQLite in the data directory unless `supportdesk.db.url` names another database. The SQLite
 * settings trade the last transaction on power loss (synchronous=NORMAL) for throughput; a killed
 * process loses nothing, since WAL commits are in the file before the answer goes out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportdeskProperties.class)
class DatabaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SupportdeskProperties properties) {
        var db = properties.db();
        var config = new HikariConfig();
        config.setPoolName("supportdesk");
        config.setConnectionTimeout(db.connectionTimeoutMs());
        if (db.url() != null && !db.url().isBlank()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            config.setMaximumPoolSize(db.poolSize());
            if (db.url().startsWith("jdbc:postgresql:")) {
                // Batched INSERTs (imports) travel as multi-row statements: far fewer round trips.
                // A URL that sets these itself wins.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                config.addDataSourceProperty("ApplicationName", "supportdesk");
                // Whatever the server's default: an update that lost a race re-reads the winner's
                // commit in the same transaction (TicketService), which needs READ COMMITTED.
                config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            }
        } else {
            try {
                Files.createDirectories(properties.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), e);
            }
            config.setJdbcUrl("jdbc:sqlite:" + properties.dataDir().resolve("supportdesk.db"));
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("cache_size", "-32000");
            // Readers run side by side in WAL mode; writers queue in Database.write().
            config.setMaximumPoolSize(db.poolSize());
        }
        return new HikariDataSource(config);
    }

    @Bean
    Database database(DataSource dataSource, org.springframework.transaction.support.TransactionTemplate tx) {
        return new Database(dataSource, tx);
    }
}
