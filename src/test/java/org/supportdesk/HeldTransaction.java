package org.supportdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Another writer's transaction, held open on a connection of its own to PostgreSQL: the statements
 * another instance would run, stopped before their commit. A request started meanwhile either
 * waits for its locks or goes through, and the test decides when the other writer commits: a race
 * played in one chosen order every time, instead of a loop that hopes to hit it.
 */
public final class HeldTransaction implements AutoCloseable {

    private final Connection connection;
    /** Looks from outside at who waits for the held transaction. */
    private final Connection monitor;

    private final int pid;

    public HeldTransaction(String url) throws SQLException {
        connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        monitor = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        connection.setAutoCommit(false);
        try (var rows = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            pid = rows.getInt(1);
        }
    }

    /** Runs one statement in the held transaction; {@code ?} are bound to {@code args}. */
    public HeldTransaction run(String sql, Object... args) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
        return this;
    }

    /**
     * Starts {@code request} on another thread and returns once it waits for a lock this
     * transaction holds, or has finished without waiting (as it did before the race was fixed).
     */
    public <T> CompletableFuture<T> startBehind(Supplier<T> request) throws Exception {
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!answer.isDone() && !blocksAnother()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The request neither waited for the held transaction nor finished");
            }
            Thread.sleep(5);
        }
        return answer;
    }

    private boolean blocksAnother() throws SQLException {
        try (var statement = monitor.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            statement.setInt(1, pid);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        monitor.close();
        connection.close();
    }
}
