package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.RawHttp;
import org.supportdesk.ServiceProcess;

/**
 * What Tomcat and the service write while receiving uploads (multipart parts past the 1 MB
 * threshold, chunked imports received in full before they are parsed) lives in the data
 * directory's owner-only `tomcat/`, which the next start empties. It was a new
 * `tomcat.<port>.*` in java.io.tmpdir at every start, never deleted, and a kill -9 left the
 * uploads there: customer data in /tmp, in a directory a stopped service never cleans.
 */
class TomcatDirectoryTests {

    private static final String BOUNDARY = "tomcat-directory-boundary";

    @TempDir
    Path root;

    private ServiceProcess start(Path data, Path tmp) throws IOException, InterruptedException {
        return ServiceProcess.start(
                        data, tmp, Map.of(), "--supportdesk.admin-key=" + Api.ADMIN_KEY, "--logging.level.root=WARN")
                .awaitHealthy();
    }

    @Test
    void uploadsAKilledServiceWasReceivingAreInItsDataDirectoryOwnerOnlyAndGoneAtTheNextStart() throws Exception {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path tmp = Files.createDirectory(root.resolve("tmp"));
        Path data = root.resolve("data");
        Path tomcat = data.resolve("tomcat");

        ServiceProcess first = start(data, tmp);
        try (RawHttp multipart = RawHttp.open(first.api().port());
                RawHttp chunked = RawHttp.open(first.api().port())) {
            byte[] rows = rows(1_500_000);
            multipart.send(head("multipart/form-data; boundary=" + BOUNDARY, "Content-Length: " + 3 * rows.length));
            multipart.send(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""
                            + "\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            multipart.send(rows);
            chunked.send(head("text/csv", "Transfer-Encoding: chunked"));
            chunked.sendChunk(rows(10_000));
            // Both bodies half received, on disk: then the service is killed.
            awaitReceiving(root);
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(names(tmp))
                .as("what the killed service left in java.io.tmpdir (sqlite-jdbc's native library aside)")
                .filteredOn(name -> !name.startsWith("sqlite-"))
                .isEmpty();
        assertThat(names(tomcat))
                .as("the uploads it was receiving")
                .anyMatch(name -> name.startsWith("upload_") && name.endsWith(".tmp"))
                .anyMatch(name -> name.startsWith("supportdesk-upload-") && name.endsWith(".part"));
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(tomcat)).isEqualTo("rwx------");

        try (ServiceProcess second = start(data, tmp)) {
            assertThat(names(tomcat)).as("emptied at the start").noneMatch(name -> name.contains("upload"));
            assertThat(permissions(tomcat)).isEqualTo("rwx------");
        }
        assertThat(names(tomcat)).as("what a stopped run left").isEmpty();
        assertThat(names(tmp))
                .as("what two runs left in java.io.tmpdir, the second one stopped")
                .filteredOn(name -> !name.startsWith("sqlite-"))
                .isEmpty();
    }

    /** Services started on one data directory anyway (as the tests' servers are): neither deletes the other's folder. */
    @Test
    void aServiceStartedOnTheDataDirectoryOfARunningOneLeavesItsUploadsAlone() {
        Path data = root.resolve("shared");
        Map<String, String> settings = Map.of("supportdesk.data-dir", data.toString());
        try (Instance first = Instance.start(settings);
                Instance second = Instance.start(settings)) {
            for (Instance instance : List.of(first, second)) {
                try (RawHttp chunked = RawHttp.open(instance.api().port())) {
                    chunked.send(head("text/csv", "Transfer-Encoding: chunked"));
                    chunked.sendChunk(rows(10_000));
                    chunked.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    RawHttp.Response answer = chunked.read();
                    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                }
            }
        }
        assertThat(names(data.resolve("tomcat"))).as("both stopped").isEmpty();
    }

    private static byte[] head(String contentType, String framing) {
        return ("POST /imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.ADMIN_KEY
                        + "\r\nContent-Type: " + contentType + "\r\n" + framing + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A CSV of about {@code bytes}. */
    private static byte[] rows(int bytes) {
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        while (csv.length() < bytes) {
            csv.append("c-1,ann@example.com,Ann Lee,Printer jam,The printer jams on every page\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Until a multipart part and a chunked body are being written somewhere under {@code dir}: a minute at most. */
    private static void awaitReceiving(Path dir) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<String> names;
            try {
                names = names(dir);
            } catch (UncheckedIOException changedWhileListed) {
                continue;
            }
            if (names.stream().anyMatch(n -> n.startsWith("upload_"))
                    && names.stream().anyMatch(n -> n.startsWith("supportdesk-upload-"))) {
                return;
            }
            assertThat(System.nanoTime()).as("uploads on disk: " + names).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** The names of everything under {@code dir}, itself aside. */
    private static List<String> names(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir))
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
