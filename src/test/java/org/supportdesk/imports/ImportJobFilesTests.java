package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ImportJobFilesTests {

    @TempDir
    Path dataDir;

    /**
     * An upload listed by the clean-up and deleted by its job before the clean-up looked at its
     * time: a 500 on the next `POST /imports` (seen in ImportJobTwoInstancesTests). A link to a file
     * that is not there is listed and then not found, as such an upload is.
     */
    @Test
    void cleaningUpSkipsAnUploadThatIsGoneByTheTimeItIsLookedAt() throws Exception {
        Path dir = dataDir.resolve("import-jobs");
        var files = new ImportJobFiles(dir, JsonMapper.builder().build());
        Path old = files.upload(UUID.randomUUID());
        Files.writeString(old, "id,subject\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7_200)));
        Path gone = files.upload(UUID.randomUUID());
        Files.createSymbolicLink(gone, dir.resolve("deleted-meanwhile"));

        files.deleteUploadsOlderThan(3_600_000);

        assertThat(old).doesNotExist();
    }
}
