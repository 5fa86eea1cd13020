package org.supportdesk.tickets;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;

/**
 * SQLite: the search index's merges, put off while an import writes and done after it in small
 * transactions.
 *
 * <p>FTS5 writes each batch of new rows as a segment of its own and, by default ({@code automerge}
 * 4), merges segments as it goes, inside the writing transaction. For an import that merge work was
 * half of what the index cost it (a million rows: 20 s without the index, 33 s with it,
 * docs/BENCHMARKS.md). While an import writes, merging is switched off ({@code automerge} 0, and a
 * {@code crisismerge} high enough not to start, low enough that FTS5's limit is never reached); the import's transaction switches it back on before it commits, so those settings are
 * never seen outside it, and a failed import rolls them back with everything else. Once it has
 * committed, a background thread merges what the import left, {@link #PAGES} pages a transaction
 * (about 40 ms of the one writer each), until FTS5 finds nothing to merge. Searches meanwhile read
 * more segments (slower, never wrong). At start it merges once more, for a run stopped meanwhile.
 * PostgreSQL's GIN index has a pending list of its own: nothing to do there.
 */
@Component
class SearchMerges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchMerges.class);
    /** FTS5's defaults. */
    private static final int AUTOMERGE = 4;

    private static final int CRISISMERGE = 16;
    /**
     * Segments on one level that start a merge while an import writes (a segment per batch of
     * 1,000 rows): a million-row import never starts one, which would merge nearly all it wrote in
     * the import's transaction, and the other levels (a few segments each once merged) keep the
     * whole index under FTS5's 2,000 segments, beyond which a write fails (SQLITE_FULL).
     */
    private static final int CRISISMERGE_WHILE_IMPORTING = 1500;
    /** Pages of merged index written per transaction. */
    static final int PAGES = 500;

    private final JdbcClient jdbc;
    private final Database db;
    private final boolean sqlite;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ExecutorService merger;

    SearchMerges(JdbcClient jdbc, Database db) {
        this.jdbc = jdbc;
        this.db = db;
        this.sqlite = db.isSqlite();
    }

    /** Puts merges off until {@link #resume}; call both in the import's transaction. */
    void holdOff() {
        if (sqlite) {
            configure("automerge", 0);
            configure("crisismerge", CRISISMERGE_WHILE_IMPORTING);
        }
    }

    /** Merges as usual again, and once the transaction has committed, merges what it left. */
    void resume() {
        if (sqlite) {
            configure("automerge", AUTOMERGE);
            configure("crisismerge", CRISISMERGE);
            Database.afterCommit(this::mergeLater);
        }
    }

    private void configure(String setting, int value) {
        jdbc.sql("INSERT INTO ticket_search (ticket_search, rank) VALUES (?, ?)")
                .params(setting, value)
                .update();
    }

    private void mergeLater() {
        ExecutorService running = merger;
        if (running != null && pending.compareAndSet(false, true)) {
            running.execute(this::mergeAll);
        }
    }

    /** Merges until FTS5 finds nothing left to merge; returns the transactions it took. */
    int mergeAll() {
        pending.set(false);
        int steps = 0;
        try {
            while (db.write(this::mergeStep)) {
                steps++;
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The next import's or the next start's merges do the rest; a stopping service says nothing.
            if (merger != null) {
                log.warn("Merging the search index failed: {}", e.toString());
            }
        }
        return steps;
    }

    /**
     * One transaction's merging. FTS5 tells that it found work only through the count of changed
     * rows: two or more when it merged (sqlite.org/fts5.html, the 'merge' command).
     */
    private boolean mergeStep() {
        long before = totalChanges();
        jdbc.sql("INSERT INTO ticket_search (ticket_search, rank) VALUES ('merge', ?)")
                .param(PAGES)
                .update();
        return totalChanges() - before >= 2;
    }

    private long totalChanges() {
        return jdbc.sql("SELECT total_changes()").query(Long.class).single();
    }

    @Override
    public void start() {
        if (sqlite) {
            merger = Executors.newSingleThreadExecutor(r -> {
                var thread = new Thread(r, "search-merges");
                thread.setDaemon(true);
                return thread;
            });
            mergeLater();
        }
    }

    @Override
    public void stop() {
        ExecutorService running = merger;
        merger = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return merger != null;
    }
}
