package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link Database#writeBatched} on a real SQLite file: the items that queue up together share one call. */
class BatchedWritesTests {

    @TempDir
    Path dir;

    private Database db;
    private JdbcTemplate jdbc;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** The lists each call of {@link #insert} was given, in the order of the calls. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    /** The items whose after-commit work ran, in order. */
    private final List<String> committed = new CopyOnWriteArrayList<>();

    private final Database.Batched<String> insert = items -> {
        calls.add(List.copyOf(items));
        for (String item : items) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.add(item);
                }
            });
            jdbc.update("INSERT INTO t (item) VALUES (?)", item);
        }
    };

    @BeforeEach
    void open() {
        var writer = SqliteWriter.open(dir, "CREATE TABLE t (item TEXT NOT NULL UNIQUE)");
        jdbc = writer.jdbc();
        db = writer.db();
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        db.close();
    }

    @Test
    void itemsThatQueueUpTogetherAreWrittenByOneCall() throws Exception {
        List<Future<?>> written = whileTheWriterIsBusy("a", "b", "c", "d");

        for (Future<?> f : written) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(calls).containsExactly(List.of("a", "b", "c", "d"));
        assertThat(committed).containsExactly("a", "b", "c", "d");
        assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void aFailingItemFailsAloneAndItsNeighboursAreWritten() throws Exception {
        jdbc.update("INSERT INTO t (item) VALUES ('taken')");

        List<Future<?>> written = whileTheWriterIsBusy("a", "taken", "b");

        written.get(0).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> written.get(1).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DataAccessException.class)
                .hasMessageContaining("UNIQUE");
        written.get(2).get(30, TimeUnit.SECONDS);
        assertThat(calls)
                .as("together first, undone, then one by one")
                .containsExactly(List.of("a", "taken", "b"), List.of("a"), List.of("taken"), List.of("b"));
        assertThat(rows()).containsExactlyInAnyOrder("taken", "a", "b");
        assertThat(committed)
                .as("what undone work registered to run after the commit went with it")
                .containsExactly("a", "b");
    }

    @Test
    void anItemAloneIsWrittenAlone() {
        db.writeBatched(insert, "only");

        assertThat(calls).containsExactly(List.of("only"));
        assertThat(rows()).containsExactly("only");
    }

    /**
     * Keeps the writer thread busy with another write while each item is queued from a thread of
     * its own, in the given order, then lets the writer go on.
     */
    private List<Future<?>> whileTheWriterIsBusy(String... items) throws Exception {
        var busy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Future<?> blocker = callers.submit(() -> db.write(() -> {
            busy.countDown();
            await(release);
            return null;
        }));
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
        var written = new ArrayList<Future<?>>();
        for (String item : items) {
            int queued = db.queued();
            written.add(callers.submit(() -> db.writeBatched(insert, item)));
            waitUntilQueued(queued + 1);
        }
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);
        return written;
    }

    private void waitUntilQueued(int tasks) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (db.queued() < tasks) {
            assertThat(Instant.now()).as("queued in time").isBefore(deadline);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT item FROM t", String.class);
    }
}
