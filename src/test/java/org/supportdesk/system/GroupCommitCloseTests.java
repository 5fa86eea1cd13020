package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Closing SQLite's writer ({@link GroupCommit}) while writes wait for it: none is dropped, no caller waits for ever. */
class GroupCommitCloseTests {

    @TempDir
    Path dir;

    private Database db;
    private JdbcTemplate jdbc;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        var writer = SqliteWriter.open(dir, "CREATE TABLE t (item TEXT NOT NULL)");
        jdbc = writer.jdbc();
        db = writer.db();
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        db.close();
    }

    @Test
    void writesQueuedBeforeTheCloseAreWrittenEvenWhenTheWriterIsLeftInterrupted() throws Exception {
        var busy = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // A write that outlasts the close's interrupt and leaves the writer thread interrupted, as
        // work that does not answer interrupts (a driver's native call) does.
        Future<?> blocker = callers.submit(() -> db.write(() -> {
            busy.countDown();
            boolean wasInterrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                    interrupted.countDown();
                }
            }
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
        var written = new ArrayList<Future<?>>();
        for (String item : List.of("a", "b", "c")) {
            written.add(callers.submit(() -> db.write(() -> jdbc.update("INSERT INTO t (item) VALUES (?)", item))));
        }
        waitUntilQueued(3);

        Future<?> closing = callers.submit(db::close);
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();

        blocker.get(30, TimeUnit.SECONDS);
        for (Future<?> f : written) {
            f.get(30, TimeUnit.SECONDS);
        }
        closing.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForList("SELECT item FROM t ORDER BY item", String.class))
                .containsExactly("a", "b", "c");
        assertThatThrownBy(() -> db.write(() -> 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutting down");
    }

    private void waitUntilQueued(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.queued() < writes) {
            assertThat(System.nanoTime()).as("writes queued in time").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
