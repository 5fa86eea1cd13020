package org.supportdesk.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/** POST /admin/backup and GET /admin/backups on the shared server. */
class BackupApiTests extends ApiTest {

    private static Path backups() {
        return DATA_DIR.resolve("backups");
    }

    private JsonNode backup() {
        Api.Response r = api.post("/admin/backup", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aBackupIsAWholeOwnerOnlyCopyNamedByItsTime() throws Exception {
        assumeThat(TestDatabase.isPostgres()).isFalse();
        String id = api.post("/tickets", aTicket().build()).json().get("id").asString();

        JsonNode written = backup();

        String name = written.get("file").asString();
        Path file = backups().resolve(name);
        assertThat(name).matches("supportdesk-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z\\.db");
        assertThat(written.get("size_bytes").asLong()).isEqualTo(Files.size(file));
        assertThat(written.get("duration_ms").asLong()).isNotNegative();
        assertThat(written.get("created_at").asString()).endsWith("Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups())))
                .isEqualTo("rwx------");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tickets WHERE id = '" + id + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        try (var files = Files.list(backups())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".partial"));
        }
    }

    @Test
    void theListShowsTheBackupsNewestFirstAndKeepsOnlyTheNewest() {
        assumeThat(TestDatabase.isPostgres()).isFalse();
        var written = new ArrayList<String>();
        for (int i = 0; i < 9; i++) {
            written.add(backup().get("file").asString());
        }

        JsonNode listing = api.get("/admin/backups").json();

        List<String> listed = new ArrayList<>();
        listing.get("backups").forEach(b -> listed.add(b.get("file").asString()));
        assertThat(listing.get("keep").asInt()).isEqualTo(7);
        var newestFirst = new ArrayList<>(written);
        Collections.reverse(newestFirst);
        assertThat(listed).hasSize(7).containsExactlyElementsOf(newestFirst.subList(0, 7));
        assertThat(backups().resolve(written.get(0))).doesNotExist();
        assertThat(backups().resolve(written.get(1))).doesNotExist();
        listing.get("backups")
                .forEach(b -> assertThat(b.get("size_bytes").asLong()).isPositive());
    }

    @Test
    void onlyAdminsBackUp() {
        for (String role : List.of("viewer", "agent")) {
            String secret = api.post("/api-keys", Map.of("name", "backup-" + role, "role", role))
                    .json()
                    .get("key")
                    .asString();
            assertThat(api.withKey(secret).post("/admin/backup", Map.of()).status())
                    .isEqualTo(403);
            assertThat(api.withKey(secret).get("/admin/backups").status()).isEqualTo(403);
        }
        assertThat(api.withKey(null).post("/admin/backup", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void onPostgresqlTheAnswerPointsAtPgDump() {
        assumeThat(TestDatabase.isPostgres()).isTrue();

        Api.Response backup = api.post("/admin/backup", Map.of());
        Api.Response list = api.get("/admin/backups");

        assertThat(backup.status()).isEqualTo(501);
        assertThat(backup.json().get("detail").asString()).contains("pg_dump").contains("docs/OPERATIONS.md");
        assertThat(list.status()).isEqualTo(501);
    }
}
