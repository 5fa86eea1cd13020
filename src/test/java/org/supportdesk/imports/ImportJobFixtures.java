package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.supportdesk.Api;
import org.supportdesk.HeldTransaction;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Database;
import tools.jackson.databind.JsonNode;

/** Files and waits for the tests of background import jobs. */
final class ImportJobFixtures {

    private ImportJobFixtures() {}

    /** A CSV of {@code rows} valid tickets of {@code customer}. */
    static byte[] csv(String customer, int rows) {
        var out = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        for (int i = 0; i < rows; i++) {
            out.append(customer)
                    .append(",ann@example.com,Ann Lee,Cannot log in ")
                    .append(i)
                    .append(",I cannot log in to my account since this morning.\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a job of {@code file} on {@code api}: its id. */
    static String start(Api api, String query, byte[] file) {
        Api.Response accepted = api.sendBytes("POST", "/imports" + query, "text/csv", file);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("id").asString();
    }

    /** The job once it is no longer queued or running (a minute at most). */
    static JsonNode waitUntilDone(Api api, String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode job = api.get("/imports/" + id).json();
            if (!job.get("state").asString().matches("queued|running")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job done in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    static long stored(Api api, String customer) {
        return api.get("/tickets?limit=1&customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    /**
     * Holds every import at its first write until closed: SQLite's one writer kept busy, or on
     * PostgreSQL (the database at {@code url}, unused on SQLite) the tickets table locked. The jobs stay running (and
     * those behind them queued).
     */
    static AutoCloseable holdImports(String url, Database db) throws Exception {
        if (TestDatabase.isPostgres()) {
            return new HeldTransaction(url).run("LOCK TABLE tickets IN SHARE MODE");
        }
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.write(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        return () -> {
            release.countDown();
            writer.get();
        };
    }

    /** The job as {@code api} answers it, once {@code until} holds (a minute at most). */
    static JsonNode poll(Api api, String id, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response answer = api.get("/imports/" + id);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            if (until.test(answer.json())) {
                return answer.json();
            }
            assertThat(System.nanoTime()).as("job as expected in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    static String state(JsonNode job) {
        return job.get("state").asString();
    }

    /** Until the state file (written by rename, never half) holds {@code text}: a minute at most. */
    static void awaitFileSays(Path file, String text) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertThat(System.nanoTime()).as(file + " says " + text).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Until the job's run is over, which deletes its upload last: a minute at most. */
    static void awaitGone(Path upload) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.exists(upload)) {
            assertThat(System.nanoTime()).as(upload + " deleted").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
