package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;
import tools.jackson.databind.JsonNode;

class AttachmentApiTests extends ApiTest {

    static byte[] screenshot() {
        try (InputStream in = AttachmentApiTests.class.getResourceAsStream("/imports/binary-png-image.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] HTML =
            "<!doctype html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

    private Api.Response upload(String ticketId, Multipart form) {
        return form.sendTo(api, "/tickets/" + ticketId + "/comments");
    }

    @Test
    void aScreenshotAttachedToACommentComesBackByteForByte() throws Exception {
        String id = ticket(api);
        byte[] png = screenshot();

        Api.Response r = upload(
                id,
                Multipart.form()
                        .field("body", "Screenshot of the error attached")
                        .field("author_type", "customer")
                        .file("files", "screen shot é.png", "image/png", png));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode file = r.json().get("attachments").get(0);
        assertThat(file.get("filename").asString()).isEqualTo("screen shot é.png");
        assertThat(file.get("content_type").asString()).isEqualTo("image/png");
        assertThat(file.get("size").asLong()).isEqualTo(png.length);
        assertThat(file.get("sha256").asString())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        Api.Download download = api.download(file.get("url").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).startsWith("inline");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(comments(api, id).get("items").get(0).get("attachments").get(0))
                .isEqualTo(file);
    }

    @Test
    void aFileOfManyChunksWithSeveralOthersComesBackWhole() {
        String id = ticket(api);
        byte[] big = new byte[3 * 256 * 1024 + 12_345];
        new Random(1).nextBytes(big);
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Api.Response r = upload(
                id,
                Multipart.form()
                        .field("body", "Logs and the report")
                        .file("files", "logs.bin", "application/octet-stream", big)
                        .file("files", "report.pdf", "application/pdf", pdf));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode files = r.json().get("attachments");
        assertThat(files.get(0).get("filename").asString()).isEqualTo("logs.bin");
        assertThat(api.download(files.get(0).get("url").asString()).body()).isEqualTo(big);
        Api.Download report = api.download(files.get(1).get("url").asString());
        assertThat(report.body()).isEqualTo(pdf);
        assertThat(report.header("Content-Disposition")).startsWith("inline");
        assertThat(api.download(files.get(0).get("url").asString()).header("Content-Disposition"))
                .startsWith("attachment");
    }

    @Test
    void anHtmlUploadIsServedAsADownloadThatCannotRun() {
        String id = ticket(api);

        Api.Response r =
                upload(id, Multipart.form().field("body", "page").file("files", "page.html", "text/html", HTML));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Api.Download download =
                api.download(r.json().get("attachments").get(0).get("url").asString());
        assertThat(download.body()).isEqualTo(HTML);
        assertThat(download.header("Content-Type")).startsWith("text/html");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void anSvgImageIsADownloadTooForItCanCarryScript() {
        String id = ticket(api);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);

        Api.Response r =
                upload(id, Multipart.form().field("body", "logo").file("files", "logo.svg", "image/svg+xml", svg));

        Api.Download download =
                api.download(r.json().get("attachments").get(0).get("url").asString());
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void aFileThatLiesAboutBeingAnImageIsRefusedAndNothingIsStored() {
        String id = ticket(api);

        Api.Response png =
                upload(id, Multipart.form().field("body", "look").file("files", "cat.png", "image/png", HTML));
        Api.Response pdf = upload(
                id,
                Multipart.form()
                        .field("body", "look")
                        .file("files", "ok.png", "image/png", screenshot())
                        .file("files", "doc.pdf", "application/pdf", HTML));

        assertThat(locsAndTypes(png)).containsExactly("[\"body\",\"files\",0] file_type");
        assertThat(locsAndTypes(pdf)).containsExactly("[\"body\",\"files\",1] file_type");
        assertThat(png.json().get("detail").get(0).get("msg").asString()).contains("image/png");
        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void badFilesAndFieldsAreAllReportedAtOnce() {
        String id = ticket(api);

        Api.Response r = upload(
                id,
                Multipart.form()
                        .fieldBytes("body", new byte[] {'o', 'k', (byte) 0xff})
                        .field("mood", "angry")
                        .file("files", "empty.txt", "text/plain", new byte[0])
                        .file("files", "x.bin", "not a type", new byte[] {1}));

        assertThat(locsAndTypes(r))
                .containsExactly(
                        "[\"body\",\"body\"] string_unicode",
                        "[\"body\",\"files\",0] file_empty",
                        "[\"body\",\"files\",1] file_type",
                        "[\"body\",\"mood\"] extra_forbidden");
    }

    @Test
    void aFileNameWithALineBreakIsRefusedRatherThanStoredCut() {
        String id = ticket(api);

        Api.Response r = upload(
                id,
                Multipart.form()
                        .field("body", "a file with a hand-made name")
                        .fileNamedBytes(
                                "files",
                                "report\r\n2026.txt".getBytes(StandardCharsets.UTF_8),
                                "text/plain",
                                "hello".getBytes(StandardCharsets.UTF_8)));

        // Tomcat ended the header at the line break: the name arrived as "report, and was stored so.
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("part 'files'").contains("line break");
        assertThat(comments(api, id).get("items")).isEmpty();
    }

    @Test
    void aFileNameLosesTheDirectionControlsThatWouldDisguiseItsType() {
        String id = ticket(api);

        // U+202E shows the rest backwards: "invoice\u202Efdp.exe" reads as "invoiceexe.pdf".
        Api.Response r = upload(
                id,
                Multipart.form()
                        .field("body", "the invoice")
                        .fileNamedBytes(
                                "files",
                                "invoice\u202Efdp\u2066.exe".getBytes(StandardCharsets.UTF_8),
                                "application/octet-stream",
                                "MZ".getBytes(StandardCharsets.UTF_8)));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("attachments").get(0).get("filename").asString())
                .isEqualTo("invoicefdp.exe");
    }

    @Test
    void aFileNameThatIsNotUtf8IsRefusedRatherThanStoredChanged() {
        String id = ticket(api);
        byte[] latin1 = {'r', (byte) 0xe9, 's', 'u', 'm', (byte) 0xe9, '.', 't', 'x', 't'};
        byte[] loneSurrogate = {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '.', 't', 'x', 't'};

        Api.Response r = upload(
                id,
                Multipart.form()
                        .field("body", "two files")
                        .fileNamedBytes("files", latin1, "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                        .fileNamedBytes(
                                "files", loneSurrogate, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(locsAndTypes(r))
                .containsExactly("[\"body\",\"files\",0] string_unicode", "[\"body\",\"files\",1] string_unicode");
        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void aContentTypeLongerThanTheColumnIsRefusedNotAFailure() {
        String id = ticket(api);
        String longest = "application/" + "x".repeat(255 - "application/".length());

        Api.Response tooLong = upload(
                id, Multipart.form().field("body", "long type").file("files", "a.bin", longest + "x", new byte[] {1}));
        Api.Response justFits =
                upload(id, Multipart.form().field("body", "long type").file("files", "a.bin", longest, new byte[] {1}));

        assertThat(locsAndTypes(tooLong)).containsExactly("[\"body\",\"files\",0] file_type");
        assertThat(tooLong.json().get("detail").get(0).get("msg").asString()).contains("at most 255 characters");
        assertThat(justFits.status()).as(justFits.body()).isEqualTo(201);
    }

    @Test
    void aFileOverTheLimitIs413AndSoAreFilesTooLargeTogether() {
        String id = ticket(api);
        byte[] eleven = new byte[10 * 1024 * 1024 + 1];
        byte[] nine = new byte[9 * 1024 * 1024];

        Api.Response one =
                upload(id, Multipart.form().field("body", "big").file("files", "big.bin", "application/zip", eleven));
        Api.Response three = upload(
                id,
                Multipart.form()
                        .field("body", "many")
                        .file("files", "a.bin", "application/zip", nine)
                        .file("files", "b.bin", "application/zip", nine)
                        .file("files", "c.bin", "application/zip", nine));

        assertThat(one.status()).isEqualTo(413);
        assertThat(one.json().get("detail").asString()).contains("big.bin").contains("10485760");
        assertThat(three.status()).isEqualTo(413);
        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void aCommentWithoutFilesMayComeAsMultipartToo() {
        String id = ticket(api);

        Api.Response r =
                upload(id, Multipart.form().field("body", "plain words").field("visibility", "internal"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("visibility").asString()).isEqualTo("internal");
        assertThat(r.json().get("attachments").size()).isZero();
    }

    @Test
    void anUnknownAttachmentIs404AndABadIdIs422() {
        assertThat(api.get("/attachments/" + java.util.UUID.randomUUID())
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Attachment not found");
        assertThat(api.get("/attachments/nope").status()).isEqualTo(422);
    }

    @Test
    void deletingTheCommentDeletesItsFiles() {
        String id = ticket(api);
        JsonNode c = upload(
                        id,
                        Multipart.form().field("body", "oops").file("files", "id-card.png", "image/png", screenshot()))
                .json();
        String url = c.get("attachments").get(0).get("url").asString();

        api.delete("/tickets/" + id + "/comments/" + c.get("id").asString());

        assertThat(api.download(url).status()).isEqualTo(404);
        assertThat(api.get("/tickets/" + id + "/comments")
                        .json()
                        .get("items")
                        .get(0)
                        .get("attachments")
                        .size())
                .isZero();
    }
}
