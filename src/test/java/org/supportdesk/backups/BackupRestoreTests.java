package org.supportdesk.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.Multipart;
import tools.jackson.databind.JsonNode;

/**
 * The restore of docs/OPERATIONS.md, performed: a backup taken while tickets are being written,
 * copied into a fresh data directory, and a service started on it. Everything acknowledged before
 * the backup is there as it was (tickets, their comments and attached files, history, keys),
 * nothing written after it is, and the copy is consistent.
 */
class BackupRestoreTests {

    @TempDir
    Path live;

    @TempDir
    Path restored;

    /** A ticket written by the load, and when its answer came relative to the backup. */
    record Written(String id, long sentNanos, long answeredNanos) {}

    @Test
    void aBackupTakenUnderWritesRestoresTicketsConversationsHistoryAndKeys() throws Exception {
        Map<String, JsonNode> tickets = new HashMap<>();
        Map<String, JsonNode> histories = new HashMap<>();
        Map<String, JsonNode> conversations = new HashMap<>();
        byte[] file = new byte[300_000];
        new java.util.Random(15).nextBytes(file);
        String fileUrl;
        String agentKey;
        String agentKeyId;
        String backupFile;
        long backupSent;
        long backupAnswered;
        var load = new ConcurrentLinkedQueue<Written>();
        try (Instance app = Instance.start(Map.of("supportdesk.data-dir", live.toString()))) {
            Api api = app.api();
            JsonNode key = api.post("/api-keys", Map.of("name", "maria", "role", "agent"))
                    .json();
            agentKey = key.get("key").asString();
            agentKeyId = key.get("id").asString();
            Api agent = api.withKey(agentKey);
            for (int i = 0; i < 20; i++) {
                String id = agent.post("/tickets", aTicket().build())
                        .json()
                        .get("id")
                        .asString();
                agent.patch("/tickets/" + id, Map.of("status", "in_progress", "assigned_to", "maria"));
                agent.post("/tickets/" + id + "/comments", Map.of("body", "Reply " + i));
                agent.post("/tickets/" + id + "/comments", Map.of("body", "Note " + i, "visibility", "internal"));
            }
            String withFile =
                    agent.post("/tickets", aTicket().build()).json().get("id").asString();
            Api.Response attached = Multipart.form()
                    .field("body", "The log is attached")
                    .file("files", "server.log.gz", "application/gzip", file)
                    .sendTo(agent, "/tickets/" + withFile + "/comments");
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
            fileUrl = attached.json().get("attachments").get(0).get("url").asString();

            var writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    while (writing.get()) {
                        long sent = System.nanoTime();
                        Api.Response r = agent.post("/tickets", aTicket().build());
                        assertThat(r.status()).isEqualTo(201);
                        load.add(new Written(r.json().get("id").asString(), sent, System.nanoTime()));
                    }
                    return null;
                }));
            }
            while (load.size() < 100) {
                Thread.onSpinWait();
            }
            backupSent = System.nanoTime();
            Api.Response backup = api.post("/admin/backup", Map.of());
            backupAnswered = System.nanoTime();
            long answered = backupAnswered;
            // Writes sent after the backup answered, not merely finished after it: up to one per
            // writer was still on its way while the backup ran.
            while (load.stream().filter(w -> w.sentNanos() > answered).count() < 50) {
                Thread.onSpinWait();
            }
            writing.set(false);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
            assertThat(backup.status()).as(backup.body()).isEqualTo(201);
            backupFile = backup.json().get("file").asString();

            for (JsonNode t : api.get("/tickets?limit=1000").json().get("items")) {
                String id = t.get("id").asString();
                tickets.put(id, api.get("/tickets/" + id).json());
                histories.put(id, api.get("/tickets/" + id + "/history").json());
                conversations.put(id, api.get("/tickets/" + id + "/comments").json());
            }
        }

        // The restore as documented: the service stopped, the backup copied as supportdesk.db into
        // the data directory (no -wal or -shm file beside it), the service started.
        Files.copy(live.resolve("backups").resolve(backupFile), restored.resolve("supportdesk.db"));
        try (Instance app = Instance.start(Map.of("supportdesk.data-dir", restored.toString()))) {
            Api agent = app.api().withKey(agentKey);

            Set<String> present = new HashSet<>();
            for (JsonNode t : agent.get("/tickets?limit=1000").json().get("items")) {
                present.add(t.get("id").asString());
            }
            List<String> before = load.stream()
                    .filter(w -> w.answeredNanos() < backupSent)
                    .map(Written::id)
                    .toList();
            List<String> after = load.stream()
                    .filter(w -> w.sentNanos() > backupAnswered)
                    .map(Written::id)
                    .toList();
            assertThat(before).hasSizeGreaterThanOrEqualTo(100);
            assertThat(after).hasSizeGreaterThanOrEqualTo(50);
            assertThat(present).containsAll(before).doesNotContainAnyElementsOf(after);

            for (String id : present) {
                assertThat(agent.get("/tickets/" + id).json()).isEqualTo(tickets.get(id));
                assertThat(agent.get("/tickets/" + id + "/history").json()).isEqualTo(histories.get(id));
                assertThat(agent.get("/tickets/" + id + "/comments").json()).isEqualTo(conversations.get(id));
            }
            assertThat(conversations.values().stream()
                            .mapToLong(c -> c.get("total").asLong())
                            .sum())
                    .isEqualTo(41);
            Api.Download download = agent.download(fileUrl);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(file);
            // Counts and rows from the same instant: the stats agree with the tickets there are.
            assertThat(agent.get("/tickets/stats").json().get("total").asLong()).isEqualTo(present.size());
            JsonNode keys = app.api().get("/api-keys").json();
            assertThat(keys.toString()).contains(agentKeyId).contains("maria");
        }
    }
}
