package org.supportdesk.stats;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * On PostgreSQL, writers append count changes instead of updating shared counters (see
 * db/migration/postgresql): every second this folds them into the totals, so that stats keep
 * reading about 120 rows. Every instance does it; the database lets one at a time through. On
 * SQLite, whose single writer updates the counters in place, there is nothing to fold (Dialect).
 */
@Component
class CountsFolding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CountsFolding.class);

    private final JdbcClient jdbc;
    private final ScheduledExecutorService timer;

    CountsFolding(Dialect dialect, JdbcClient jdbc) {
        this.jdbc = jdbc;
        if (!dialect.foldsCountChanges()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "ticket-counts-fold");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::fold, 1, 1, TimeUnit.SECONDS);
    }

    void fold() {
        try {
            jdbc.sql("SELECT ticket_counts_fold()").query(row -> {});
        } catch (DataAccessException e) {
            // The database is away or busy: the changes stay and count until the next round.
            log.debug("Folding the ticket counts failed: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("Folding the ticket counts failed", e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
