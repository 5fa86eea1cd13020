package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.Instance;

/** The SQLite data directory of a running service: bounded under sustained writes, owner-only. */
class SqliteDataDirTests {

    private static final long MB = 1 << 20;

    @TempDir
    Path tmp;

    /**
     * Writers and readers at once, with a 1 MB limit so that the log is emptied dozens of times in a
     * few seconds. Without the writer's checkpoints this test saw the log grow by 119 KB a ticket
     * (590 tickets: 70 MB) and never shrink; with them, at most 1.3 MB.
     */
    @Test
    void theLogStaysBoundedAndIsEmptiedAgainAndAgainWhileClientsWriteAndRead() throws Exception {
        Path data = tmp.resolve("data");
        var sizes = new Sizes(data);
        var created = new AtomicInteger();
        int tickets = 1_500;
        try (var app = Instance.start(settings(data, "supportdesk.db.sqlite-wal-limit-mb", "1"))) {
            Api api = app.api();
            long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            List<Integer> failures = Concurrently.run(9, 9, client -> {
                int failed = 0;
                while (created.get() < tickets && System.nanoTime() < deadline) {
                    int status = client < 6
                            ? api.post("/tickets", aTicket().build()).status()
                            : api.get("/tickets?limit=50&sort=created_at&order=desc")
                                    .status();
                    if (status == 201) {
                        created.incrementAndGet();
                    } else if (status != 200) {
                        failed++;
                    }
                    sizes.sample();
                }
                return failed;
            });

            assertThat(failures).containsOnly(0);
            assertThat(created.get()).as("tickets written").isGreaterThan(300);
            assertThat(sizes.shrinks)
                    .as("times the log was seen emptied while writes went on")
                    .isGreaterThan(5);
            assertThat(sizes.maxWal).as("largest log, bytes").isLessThan(8 * MB);
            assertThat(sizes.maxDir).as("largest data directory, bytes").isLessThan(24 * MB);
            assertThat(api.get("/tickets/stats").json().get("total").asInt())
                    .as("nothing lost while the log was emptied")
                    .isEqualTo(created.get());
        }
    }

    /**
     * A process killed with SIGKILL leaves its log beside the database; copying both while the
     * service runs idle leaves the same files. The next start copies the log into the database
     * before it takes requests, whatever its size.
     */
    @Test
    void aLogLeftBehindByAKilledProcessIsEmptiedAtTheNextStart() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        List<String> ids = new ArrayList<>();
        try (var app = Instance.start(settings(first, "supportdesk.db.sqlite-wal-limit-mb", "1024"))) {
            for (int i = 0; i < 100; i++) {
                ids.add(app.api()
                        .post("/tickets", aTicket().build())
                        .json()
                        .get("id")
                        .asString());
            }
            Files.createDirectories(second);
            for (String name : List.of("supportdesk.db-wal", "supportdesk.db")) {
                Files.copy(first.resolve(name), second.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        long leftBehind = Files.size(second.resolve("supportdesk.db-wal"));
        assertThat(leftBehind).as("the log left behind, bytes").isGreaterThan(2 * MB);

        try (var app = Instance.start(settings(second))) {
            assertThat(new Sizes(second).wal()).as("log after the start, bytes").isLessThan(MB);
            for (String id : ids) {
                assertThat(app.api().get("/tickets/" + id).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void theDataDirectoryAndTheFilesInItAreReadableByTheirOwnerOnly() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path data = tmp.resolve("new/data");
        // No admin key set: the service writes admin.key into the directory too.
        try (var app = Instance.start(settings(data, "supportdesk.admin-key", ""))) {
            Api api = app.api()
                    .withKey(Files.readString(data.resolve("admin.key")).trim());
            assertThat(api.post("/tickets", aTicket().build()).status()).isEqualTo(201);

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.getParent())).as("a parent it created").isEqualTo("rwx------");
            List<String> files;
            try (var listing = Files.list(data)) {
                files = listing.map(f -> f.getFileName() + " " + permissions(f) + (Files.isDirectory(f) ? "/" : ""))
                        .toList();
            }
            assertThat(files)
                    .contains(
                            "supportdesk.db rw-------",
                            "supportdesk.db-wal rw-------",
                            "supportdesk.db-shm rw-------",
                            "admin.key rw-------")
                    // Directories in it (import-jobs/): owner-only too.
                    .allMatch(f -> f.endsWith(" rw-------") || f.endsWith(" rwx------/"));
        }
    }

    private static Map<String, String> settings(Path data, String... more) {
        var settings = new java.util.HashMap<String, String>();
        settings.put("supportdesk.data-dir", data.toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest sizes seen, and how often the log was seen smaller than the time before. */
    private static final class Sizes {
        private final Path dir;
        long maxWal;
        long maxDir;
        int shrinks;
        private long lastWal;

        Sizes(Path dir) {
            this.dir = dir;
        }

        synchronized void sample() {
            long wal = wal();
            if (wal < lastWal) {
                shrinks++;
            }
            lastWal = wal;
            maxWal = Math.max(maxWal, wal);
            maxDir = Math.max(maxDir, total());
        }

        long wal() {
            return size(dir.resolve("supportdesk.db-wal"));
        }

        private long total() {
            try (var files = Files.list(dir)) {
                return files.mapToLong(Sizes::size).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (NoSuchFileException e) {
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
