package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;

/**
 * A dry run in the workspace that is never confirmed within the hour, on a server whose clock the
 * test moves: its upload is gone, from the disk and from memory (each preview left an entry in
 * memory for good), and confirming it later says so rather than importing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OnMovableClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WorkspaceImportPreviewExpiryTests {

    private static final Pattern UPLOAD = Pattern.compile("name=\"upload\" value=\"([0-9a-f-]{36})\"");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OnMovableClock.register(registry, dataDir, Instant.now());
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void aPreviewConfirmedAfterAnHourIsGoneAndNothingIsImported() {
        Browser admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        admin.get("/desk/import");
        Browser.Page preview = admin.postFile("/desk/import/preview", "file", "t.csv", "text/csv", csv("expired"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        var matched = UPLOAD.matcher(preview.body());
        assertThat(matched.find()).as(preview.body()).isTrue();
        String upload = matched.group(1);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        // Another preview: the clean-up of the uploads runs before each (and with the hourly purge).
        admin.get("/desk/import");
        admin.postFile("/desk/import/preview", "file", "u.csv", "text/csv", csv("recent"));
        Browser.Page run = admin.post("/desk/import/run", Map.of("upload", upload));

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("That upload is gone (an hour has passed");
        assertThat(dataDir.resolve("import-jobs").resolve(upload + ".upload")).doesNotExist();
        assertThat(admin.get("/desk/import/" + upload).status()).as("no job").isEqualTo(422);
        assertThat(new Api(port)
                        .get("/tickets?customer_id=expired")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aPreviewConfirmedTwiceIsOneJobAndTheSecondConfirmationShowsIt() {
        Browser admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        admin.get("/desk/import");
        Browser.Page preview = admin.postFile("/desk/import/preview", "file", "t.csv", "text/csv", csv("twice"));
        var matched = UPLOAD.matcher(preview.body());
        assertThat(matched.find()).as(preview.body()).isTrue();
        String upload = matched.group(1);

        Browser.Page first = admin.post("/desk/import/run", Map.of("upload", upload));
        Browser.Page second = admin.post("/desk/import/run", Map.of("upload", upload));

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(first.location()).endsWith("/desk/import/" + upload);
        assertThat(second.status()).as(second.body()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
    }

    private static byte[] csv(String customer) {
        return ("customer_id,customer_email,customer_name,subject,description\n" + customer
                        + ",a@example.com,Ann,Cannot log in,I cannot log in since this morning\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
