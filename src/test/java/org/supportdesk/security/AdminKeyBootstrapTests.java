package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportdesk.Api;
import org.supportdesk.SupportdeskApplication;
import tools.jackson.databind.JsonNode;

/** The first key, on fresh data directories: created once, owner-only, never overwritten. */
@ExtendWith(OutputCaptureExtension.class)
class AdminKeyBootstrapTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... more) {
        var args = new java.util.ArrayList<String>(
                java.util.List.of("--server.port=0", "--supportdesk.data-dir=" + dataDir));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(SupportdeskApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context, String key) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), key);
    }

    private Path keyFile() {
        return dataDir.resolve("admin.key");
    }

    @Test
    void firstStartWritesAnOwnerOnlyKeyFileAndShowsTheKeyOnceInTheLog(CapturedOutput output) throws IOException {
        try (var app = start()) {
            String key = Files.readString(keyFile()).trim();

            assertThat(key).matches("sd_[A-Za-z0-9_-]{43}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
                    .isEqualTo("rw-------");
            assertThat(output.getOut().split(key, -1)).hasSize(2);
            assertThat(output.getOut()).contains(keyFile().toAbsolutePath().toString());
            JsonNode keys = api(app, key).get("/api-keys").json();
            assertThat(keys.size()).isEqualTo(1);
            assertThat(keys.get(0).get("name").asString()).isEqualTo("admin");
            assertThat(keys.get(0).get("role").asString()).isEqualTo("admin");
            assertThat(api(app, null).get("/tickets").status()).isEqualTo(401);
        }
    }

    @Test
    void aRestartKeepsTheFileAndMakesNoOtherKey(CapturedOutput output) throws IOException {
        String key;
        FileTime written;
        try (var first = start()) {
            key = Files.readString(keyFile()).trim();
            written = Files.getLastModifiedTime(keyFile());
        }
        int before = output.getOut().length();

        try (var second = start()) {
            assertThat(Files.readString(keyFile()).trim()).isEqualTo(key);
            assertThat(Files.getLastModifiedTime(keyFile())).isEqualTo(written);
            assertThat(output.getOut().substring(before)).doesNotContain(key);
            assertThat(api(second, key).get("/api-keys").json().size()).isEqualTo(1);
        }
    }

    @Test
    void aKeptFileIsRegisteredAgainWhenTheDatabaseStartsEmpty() throws IOException {
        try (var first = start()) {
            // only the file is wanted
        }
        String key = Files.readString(keyFile()).trim();
        try (var files = Files.list(dataDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("supportdesk.db"))
                    .toList()) {
                Files.delete(p);
            }
        }

        try (var second = start()) {
            assertThat(Files.readString(keyFile()).trim()).isEqualTo(key);
            assertThat(api(second, key).get("/tickets?limit=1").status()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredAdminKeyIsUsedAndNoFileIsWritten() {
        try (var app = start("--supportdesk.admin-key=" + Api.ADMIN_KEY)) {
            assertThat(keyFile()).doesNotExist();
            assertThat(api(app, Api.ADMIN_KEY).get("/api-keys").json().size()).isEqualTo(1);
        }
        try (var again = start("--supportdesk.admin-key=" + Api.ADMIN_KEY)) {
            assertThat(api(again, Api.ADMIN_KEY).get("/api-keys").json().size()).isEqualTo(1);
        }
    }

    @Test
    void aShortConfiguredAdminKeyStopsTheStart() {
        assertThatThrownBy(() -> start("--supportdesk.admin-key=secret"))
                .hasStackTraceContaining("at least 32 characters");
    }

    @Test
    void authenticationOffWarnsLoudlyAndRecordsAnonymous(CapturedOutput output) {
        try (var app = start("--supportdesk.auth=off")) {
            Api anyone = api(app, null);
            String id =
                    anyone.post("/tickets", aTicket().build()).json().get("id").asString();
            anyone.patch("/tickets/" + id, Map.of("status", "in_progress"));

            JsonNode history = anyone.get("/tickets/" + id + "/history").json();

            assertThat(output.getOut()).contains("WARN").contains("AUTHENTICATION IS OFF");
            assertThat(keyFile()).doesNotExist();
            assertThat(history.get(1).get("actor").asString()).isEqualTo("anonymous");
            assertThat(history.get(1).has("actor_id")).isFalse();
            assertThat(anyone.delete("/tickets/" + id).status()).isEqualTo(204);
        }
    }
}
