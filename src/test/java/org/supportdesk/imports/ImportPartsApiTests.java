package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;
import org.supportdesk.UploadFiles;

/**
 * The parts of a multipart import: the one part `file`. A part Tomcat's parser would have skipped
 * (the file as `Content-Disposition: attachment`, a part without a name) and a part the import
 * would not have read (a second file, dry_run in the form) are refused with 422 naming the part,
 * and nothing is imported: not in the answer, not in the background.
 */
class ImportPartsApiTests extends ApiTest {

    @Autowired
    ServletContext servletContext;

    private static final String HEADER = "customer_id,customer_email,customer_name,subject,description\n";

    private static byte[] csv(String customer) {
        return (HEADER + customer + ",ann@example.com,Ann,Cannot log in,It says access denied\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long totalFor(String customer) {
        return api.get("/tickets/stats?customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    private static List<String> locsAndTypes(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        var list = new ArrayList<String>();
        r.json()
                .get("detail")
                .forEach(p -> list.add(p.get("loc") + " " + p.get("type").asString()));
        return list;
    }

    @Test
    void aFileSentAsAnAttachmentDispositionIsRefusedOnEveryImportEndpoint() {
        String customer = "C-" + UUID.randomUUID();
        var form = Multipart.form()
                .part(
                        "Content-Disposition: attachment; name=\"file\"; filename=\"t.csv\"\r\nContent-Type: text/csv",
                        csv(customer));

        for (String path : List.of("/import/csv", "/tickets/import", "/imports")) {
            assertThat(locsAndTypes(form.sendTo(api, path)))
                    .as(path)
                    .containsExactly("[\"body\",\"file\"] part_disposition");
        }
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aPartWithoutANameIsRefusedEvenBesideAGoodFile() {
        String customer = "C-" + UUID.randomUUID();

        Api.Response r = Multipart.form()
                .part("Content-Disposition: form-data; filename=\"other.csv\"", csv(customer))
                .file("file", "t.csv", "text/csv", csv(customer))
                .sendTo(api, "/import/csv");

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"parts\",0] part_name");
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aSecondFileATextFileAndFormFieldsAreRefusedNotIgnored() {
        String customer = "C-" + UUID.randomUUID();

        assertThat(locsAndTypes(Multipart.form()
                        .file("file", "a.csv", "text/csv", csv(customer))
                        .file("file", "b.csv", "text/csv", csv(customer))
                        .sendTo(api, "/import/csv")))
                .containsExactly("[\"body\",\"file\"] value_error");
        Api.Response dryRun = Multipart.form()
                .file("file", "a.csv", "text/csv", csv(customer))
                .field("dry_run", "true")
                .field("note", "x")
                .sendTo(api, "/tickets/import");
        assertThat(locsAndTypes(dryRun))
                .containsExactly("[\"body\",\"dry_run\"] extra_forbidden", "[\"body\",\"note\"] extra_forbidden");
        assertThat(dryRun.body()).contains("?dry_run=true");
        assertThat(locsAndTypes(Multipart.form()
                        .field("file", new String(csv(customer), StandardCharsets.UTF_8))
                        .sendTo(api, "/imports")))
                .containsExactly("[\"body\",\"file\"] value_error");
        assertThat(locsAndTypes(Multipart.form().field("other", "x").sendTo(api, "/import/csv")))
                .containsExactly("[\"body\",\"file\"] missing", "[\"body\",\"other\"] extra_forbidden");

        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aFileWhoseFilenameAndFilenameStarDifferIsRefusedOnEveryImportEndpoint() {
        String customer = "C-" + UUID.randomUUID();
        // The import picks its format by the file's name: these two name different formats.
        var form = Multipart.form()
                .part(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"t.csv\"; filename*=UTF-8''t.json",
                        csv(customer));

        for (String path : List.of("/import/csv", "/tickets/import", "/imports")) {
            Api.Response r = form.sendTo(api, path);
            assertThat(locsAndTypes(r)).as(path).containsExactly("[\"body\",\"file\"] part_name");
            assertThat(r.json().get("detail").get(0).get("msg").asString()).contains("'t.csv'", "'t.json'");
        }
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aValidUploadIsStillImported() {
        String customer = "C-" + UUID.randomUUID();

        Api.Response r = Multipart.form()
                .file("file", "t.csv", "text/csv", csv(customer))
                .sendTo(api, "/import/csv");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported_ids").size()).isEqualTo(1);
        assertThat(totalFor(customer)).isEqualTo(1);
    }

    @Test
    void theWorkspaceFormIsCheckedBeforeItsCsrfTokenIsRead() {
        String customer = "C-" + UUID.randomUUID();

        // The CSRF check is the first to read the form's fields: the parts' verdict comes first.
        Api.Response r = Multipart.form()
                .field("_csrf", "token")
                .part("Content-Disposition: attachment; name=\"file\"; filename=\"t.csv\"", csv(customer))
                .sendTo(new Api(port, null), "/desk/import/preview");

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"file\"] part_disposition");
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void theWorkspaceFormsTextFieldsOverTheFormLimitAreRefusedWithJson() {
        String customer = "C-" + UUID.randomUUID();

        // The CSRF check reads the text fields as parameters, which hold at most the 2 MB of
        // server.tomcat.max-http-form-post-size; over 1 MB the field is written to a temporary file.
        Api.Response r = Multipart.form()
                .field("_csrf", "x".repeat(2_500_000))
                .file("file", "t.csv", "text/csv", csv(customer))
                .sendTo(new Api(port, null), "/desk/import/preview");

        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").asString()).contains("2097152 bytes");
        assertThat(totalFor(customer)).isZero();
        assertThat(UploadFiles.noneLeftSoon(servletContext)).isTrue();
    }
}
