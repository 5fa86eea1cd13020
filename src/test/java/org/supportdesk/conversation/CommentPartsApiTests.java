package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.conversation.ConversationFixtures.comments;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;
import org.supportdesk.UploadFiles;

/**
 * A comment's multipart parts that Tomcat's parser would have left out without a word: the
 * comment was stored (201) and the file lost. Each is now a 422 naming the part, and nothing is
 * stored, nor left in the upload directory.
 */
class CommentPartsApiTests extends ApiTest {

    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ServletContext servletContext;

    private Api.Response send(String ticketId, Multipart form) {
        return form.sendTo(api, "/tickets/" + ticketId + "/comments");
    }

    private void nothingStored(String ticketId) {
        assertThat(ticketJson(api, ticketId).get("comment_count").asInt()).isZero();
        assertThat(comments(api, ticketId).get("items")).isEmpty();
    }

    @Test
    void aFileSentAsAnAttachmentDispositionIsRefusedAndNothingIsStored() {
        String id = ticket(api);

        Api.Response r = send(
                id,
                Multipart.form()
                        .field("body", "The contract is attached")
                        .part(
                                "Content-Disposition: attachment; name=\"files\"; filename=\"a.pdf\"\r\n"
                                        + "Content-Type: application/pdf",
                                PDF));

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"files\"] part_disposition");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").get(0).get("msg").asString()).contains("'attachment', not 'form-data'");
        nothingStored(id);
    }

    @Test
    void partsWithoutANameOrWithoutADispositionAreRefusedByTheirPlace() {
        String id = ticket(api);

        Api.Response r = send(
                id,
                Multipart.form()
                        .field("body", "Two files")
                        .part("Content-Disposition: form-data; filename=\"a.pdf\"", PDF)
                        .part("Content-Type: application/pdf", PDF));

        assertThat(locsAndTypes(r))
                .containsExactly("[\"body\",\"parts\",1] part_name", "[\"body\",\"parts\",2] part_disposition");
        nothingStored(id);
    }

    @Test
    void aFileInBase64OrFilesNestedInMultipartMixedAreRefused() {
        String id = ticket(api);

        Api.Response r = send(
                id,
                Multipart.form()
                        .field("body", "Encoded")
                        .part(
                                "Content-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n"
                                        + "Content-Transfer-Encoding: base64",
                                "JVBERi0xLjcK".getBytes(StandardCharsets.US_ASCII))
                        .part(
                                "Content-Disposition: form-data; name=\"files\"\r\n"
                                        + "Content-Type: multipart/mixed; boundary=inner",
                                ("--inner\r\nContent-Disposition: file; filename=\"b.pdf\"\r\n\r\n%PDF\r\n--inner--")
                                        .getBytes(StandardCharsets.US_ASCII)));

        assertThat(locsAndTypes(r))
                .containsExactly("[\"body\",\"files\"] part_encoding", "[\"body\",\"files\"] part_nested");
        nothingStored(id);
    }

    @Test
    void aFileWhoseFilenameAndFilenameStarDifferIsRefusedAndTheSameNameTwiceIsStored() {
        String id = ticket(api);

        // RFC 7578 4.2: filename* is not for multipart/form-data. Tomcat's Part took the last of
        // the two, Spring's MultipartFile the filename*: which name was stored depended on the layer.
        for (String disposition : List.of(
                "form-data; name=\"files\"; filename=\"a.pdf\"; filename*=UTF-8''b.pdf",
                "form-data; name=\"files\"; filename*=UTF-8''b.pdf; filename=\"a.pdf\"")) {
            Api.Response r = send(
                    id,
                    Multipart.form()
                            .field("body", "Which file?")
                            .part("Content-Disposition: " + disposition + "\r\nContent-Type: application/pdf", PDF));

            assertThat(locsAndTypes(r)).as(disposition).containsExactly("[\"body\",\"files\"] part_name");
            assertThat(r.json().get("detail").get(0).get("msg").asString()).contains("'a.pdf'", "'b.pdf'", "RFC 7578");
            nothingStored(id);
        }

        Api.Response same = send(
                id,
                Multipart.form()
                        .field("body", "The same name twice")
                        .part(
                                "Content-Disposition: form-data; name=\"files\"; filename=\"r\u00e9sum\u00e9.pdf\";"
                                        + " filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\r\nContent-Type: application/pdf",
                                PDF));

        assertThat(same.status()).as(same.body()).isEqualTo(201);
        assertThat(same.json().get("attachments").get(0).get("filename").asString())
                .isEqualTo("r\u00e9sum\u00e9.pdf");
    }

    @Test
    void aRefusedCommentLeavesNoUploadFileBehindAndAValidOneIsStoredWithItsFile() {
        String id = ticket(api);
        byte[] big = new byte[1_500_000]; // beyond the 1 MB threshold: written to a temporary file
        Arrays.fill(big, (byte) 'x');

        Api.Response refused = send(
                id,
                Multipart.form()
                        .field("body", "Logs")
                        .file("files", "logs.txt", "text/plain", big)
                        .part("Content-Disposition: attachment; name=\"files\"; filename=\"a.pdf\"", PDF));

        assertThat(locsAndTypes(refused)).containsExactly("[\"body\",\"files\"] part_disposition");
        assertThat(UploadFiles.count(servletContext)).isZero();
        nothingStored(id);

        Api.Response stored = send(
                id,
                Multipart.form()
                        .field("body", "Logs")
                        .file("files", "logs.txt", "text/plain", big)
                        .file("files", "a.pdf", "application/pdf", PDF));

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("attachments")).hasSize(2);
        assertThat(UploadFiles.noneLeftSoon(servletContext))
                .as("deleted as the request ends")
                .isTrue();
        assertThat(stored.json().get("attachments").get(1).get("filename").asString())
                .isEqualTo("a.pdf");
        assertThat(api.download(stored.json()
                                .get("attachments")
                                .get(1)
                                .get("url")
                                .asString())
                        .body())
                .isEqualTo(PDF);
    }

    @Test
    void aTextFieldOverTheFormLimitIsRefusedAndLeavesNothingBehind() {
        String id = ticket(api);
        // Over the 2 MB of server.tomcat.max-http-form-post-size, and over 1 MB: written to a
        // temporary file as it is read.
        String longText = "x".repeat(2_500_000);

        Api.Response r =
                send(id, Multipart.form().field("body", longText).file("files", "a.pdf", "application/pdf", PDF));

        // Refused as the text passes 2 MB, not spooled whole and then found too long for a comment.
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").asString()).contains("text fields", "2097152 bytes");
        nothingStored(id);
        assertThat(UploadFiles.noneLeftSoon(servletContext)).isTrue();
    }

    @Test
    void textAroundTheBoundariesIsRefusedNotIgnored() {
        String id = ticket(api);
        var form = Multipart.form().field("body", "Hello");
        byte[] lateFile = ("--" + boundaryOf(form) + "\r\nContent-Disposition: form-data; name=\"files\";"
                        + " filename=\"late.pdf\"\r\n\r\n%PDF\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = concat(form.bytes(), lateFile);

        Api.Response r = api.sendBytes("POST", "/tickets/" + id + "/comments", form.contentType(), body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("follows the closing boundary");
        nothingStored(id);
    }

    private static String boundaryOf(Multipart form) {
        return form.contentType().substring(form.contentType().indexOf("boundary=") + "boundary=".length());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
