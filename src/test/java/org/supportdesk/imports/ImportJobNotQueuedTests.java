package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportJobFixtures.csv;
import static org.supportdesk.imports.ImportJobFixtures.start;
import static org.supportdesk.imports.ImportJobFixtures.stored;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.RawHttp;
import org.supportdesk.TestDatabase;

/**
 * `POST /imports` whose job's state file cannot be written as the job is queued (a full disk, a
 * directory no longer writable: here a directory stands where the file's new version is written).
 * The upload is sent in two halves, and the job's id learnt from its upload's file in between, so
 * that the way is blocked for that job alone. It was a 500, and on PostgreSQL a row left queued,
 * declared failed a minute later, of a job whose id the client never got.
 */
@Tag(TestDatabase.BOTH)
class ImportJobNotQueuedTests {

    @Test
    void aJobWhoseStateFileCannotBeWrittenIs503WithNothingLeftBehind(@TempDir Path dataDir) throws Exception {
        var settings = new HashMap<String, String>();
        settings.put("supportdesk.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        String customer = "not-queued-" + UUID.randomUUID();
        byte[] file = csv(customer, 20);
        Path jobs = dataDir.resolve("import-jobs");
        try (Instance instance = Instance.start(Map.copyOf(settings))) {
            int port = ((WebServerApplicationContext) instance.context())
                    .getWebServer()
                    .getPort();
            RawHttp.Response answer;
            UUID id;
            Path blocked;
            try (RawHttp http = RawHttp.open(port)) {
                http.send(("POST /imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.ADMIN_KEY
                                + "\r\nContent-Type: text/csv\r\nContent-Length: " + file.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                http.send(Arrays.copyOf(file, file.length / 2));
                Path upload = awaitOneUpload(jobs);
                id = UUID.fromString(upload.getFileName().toString().replace(".upload", ""));
                blocked = Files.createDirectory(jobs.resolve(id + ".json.tmp"));
                http.send(Arrays.copyOfRange(file, file.length / 2, file.length));
                answer = http.read();
            }

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json().get("detail").asString())
                    .startsWith("The import could not be queued: ")
                    .contains("nothing was stored");
            assertThat(jobs.resolve(id + ".upload")).as("the upload").doesNotExist();
            assertThat(jobs.resolve(id + ".json")).as("a state").doesNotExist();
            assertThat(instance.api().get("/imports/" + id).status()).isEqualTo(404);
            if (TestDatabase.isPostgres()) {
                assertThat(instance.context()
                                .getBean(JdbcClient.class)
                                .sql("SELECT count(*) FROM import_job_states WHERE id = ?")
                                .param(id.toString())
                                .query(Long.class)
                                .single())
                        .as("its row")
                        .isZero();
            }
            assertThat(stored(instance.api(), customer)).isZero();

            // The way clear again, the same file is queued and imported as any other.
            Files.delete(blocked);
            String again = start(instance.api(), "", file);
            assertThat(ImportJobFixtures.waitUntilDone(instance.api(), again)
                            .get("state")
                            .asString())
                    .isEqualTo("finished");
            assertThat(stored(instance.api(), customer)).isEqualTo(20);
        }
    }

    /** The one upload in {@code jobs}, once the request's body has begun to be written there: a minute at most. */
    private static Path awaitOneUpload(Path jobs) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Stream<Path> files = Files.list(jobs)) {
                List<Path> uploads =
                        files.filter(f -> f.toString().endsWith(".upload")).toList();
                if (!uploads.isEmpty()) {
                    assertThat(uploads).hasSize(1);
                    return uploads.get(0);
                }
            }
            assertThat(System.nanoTime()).as("the upload spooled").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
