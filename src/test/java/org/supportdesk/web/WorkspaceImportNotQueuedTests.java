package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.imports.ImportJobs;

class WorkspaceImportNotQueuedTests extends WorkspaceApiTest {

    @Autowired
    ImportJobs jobs;

    @Test
    void anImportThatCannotBeQueuedIsAPageThatSaysNothingWasStored() throws Exception {
        byte[] csv = ("customer_id,customer_email,customer_name,subject,description\n"
                        + "not-queued,a@example.com,Ann,Cannot log in,I cannot log in since this morning\n")
                .getBytes(StandardCharsets.UTF_8);
        // As the preview leaves it: the upload spooled, its id in the form.
        ImportJobs.Spooled upload = jobs.spool(new ByteArrayInputStream(csv), "t.csv", "text/csv");
        // The job's state is written by rename from this name: a directory there makes it fail.
        Path blocked = Files.createDirectory(DATA_DIR.resolve("import-jobs").resolve(upload.id() + ".json.tmp"));
        try {
            admin.get("/desk/admin"); // a page whose form carries the CSRF token
            Browser.Page page =
                    admin.post("/desk/import/run", Map.of("upload", upload.id().toString()));

            assertThat(page.status()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body())
                    .contains("Not now")
                    .contains("The import could not be queued")
                    .contains("nothing was stored");
            assertThat(admin.get("/desk/import/" + upload.id()).status()).isEqualTo(422);
        } finally {
            Files.delete(blocked);
        }
    }
}
