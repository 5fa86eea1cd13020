package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipart parser on raw bodies: what it reads, and every part it refuses to leave out. */
class MultipartParserTests {

    private static final String TYPE = "multipart/form-data; boundary=b0undary";
    private static final String CD = "Content-Disposition: ";

    @TempDir
    Path temp;

    private MultipartLimits limits = new MultipartLimits(10_000_000, 5_000_000, 1024, "", 50, 512, 2_000_000);

    private List<Part> parse(String contentType, byte[] body) throws IOException {
        return new MultipartParser(limits, temp.toFile())
                .parse(new ByteArrayInputStream(body), contentType, body.length, "UTF-8");
    }

    private List<Part> parse(String body) throws IOException {
        return parse(TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of parts, each given as its header lines and content, CRLF line ends. */
    private static String body(String... headersAndContent) {
        var b = new StringBuilder();
        for (int i = 0; i < headersAndContent.length; i += 2) {
            b.append("--b0undary\r\n")
                    .append(headersAndContent[i])
                    .append("\r\n\r\n")
                    .append(headersAndContent[i + 1])
                    .append("\r\n");
        }
        return b.append("--b0undary--\r\n").toString();
    }

    private static String text(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The loc and type of each problem the body is refused with. */
    private List<String> refused(String body) {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequest.class, () -> parse(body));
        assertThat(e).as("refused with a list of problems").isNotNull();
        return e.problems().stream().map(p -> p.loc() + " " + p.type()).toList();
    }

    @Test
    void readsFieldsAndFilesAsTomcatNamesThem() throws IOException {
        List<Part> parts = parse(body(
                CD + "form-data; name=\"body\"",
                "caf\u00e9",
                CD + "form-data; name=\"files\"; filename=\"a \u00e9.txt\"\r\nContent-Type: text/plain",
                "x".repeat(3000),
                CD + "FORM-DATA; NAME=files; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
                "%PDF"));

        assertThat(parts).extracting(Part::getName).containsExactly("body", "files", "files");
        assertThat(text(parts.get(0))).isEqualTo("caf\u00e9");
        assertThat(parts.get(0).getSubmittedFileName()).isNull();
        assertThat(parts.get(1).getSubmittedFileName()).isEqualTo("a \u00e9.txt");
        assertThat(parts.get(1).getContentType()).isEqualTo("text/plain");
        assertThat(parts.get(1).getSize()).as("beyond the threshold: on disk").isEqualTo(3000);
        assertThat(parts.get(2).getSubmittedFileName()).isEqualTo("r\u00e9sum\u00e9.pdf");
        assertThat(parts.get(2).getHeader("content-disposition")).startsWith("FORM-DATA");
    }

    @Test
    void aQuotedBoundaryBlankLinesAroundTheBodyAndAnEmptyOneAreRead() throws IOException {
        String quoted = body(CD + "form-data; name=\"a\"", "1").replace("b0undary", "x;y, z=");
        assertThat(parse("multipart/form-data; boundary=\"x;y, z=\"; charset=UTF-8", quoted.getBytes()))
                .extracting(Part::getName)
                .containsExactly("a");
        String longer = "b".repeat(100); // over RFC 2046's 70, as some clients send: read as Tomcat did
        assertThat(parse(
                        "multipart/form-data; boundary=" + longer,
                        body(CD + "form-data; name=\"a\"", "1")
                                .replace("b0undary", longer)
                                .getBytes()))
                .hasSize(1);
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=" + "b".repeat(1001), new byte[0]))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("longer than 1000");
        assertThat(parse("\r\n\r\n" + body(CD + "form-data; name=\"a\"", "1") + "\r\n\r\n"))
                .hasSize(1);
        assertThat(parse("")).isEmpty();
        assertThat(parse("--b0undary--\r\n")).isEmpty();
    }

    @Test
    void partsTomcatWouldSkipAreNamedEveryOne() {
        assertThat(refused(body(
                        CD + "form-data; name=\"body\"",
                        "hello",
                        CD + "attachment; name=\"files\"; filename=\"a.pdf\"",
                        "%PDF",
                        "Content-Type: text/plain",
                        "no disposition",
                        CD + "form-data; filename=\"b.txt\"",
                        "no name",
                        CD + "form-data; name=\"  \"",
                        "blank name",
                        CD + "inline; filename=\"c.txt\"",
                        "inline")))
                .containsExactly(
                        "[body, files] part_disposition",
                        "[body, parts, 2] part_disposition",
                        "[body, parts, 3] part_name",
                        "[body, parts, 4] part_name",
                        "[body, parts, 5] part_disposition");
    }

    @Test
    void whatTomcatWouldReadOtherwiseThanSentIsRefused() {
        assertThat(refused(body(
                        CD + "form-data; name=\"files\"\r\nContent-Type: multipart/mixed; boundary=inner",
                        "--inner\r\n" + CD + "file; filename=\"a.txt\"\r\n\r\nA\r\n--inner--",
                        CD + "form-data; name=\"b64\"; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64",
                        "aGVsbG8=",
                        CD + "form-data; name=\"latin\"\r\nContent-Type: text/plain; charset=ISO-8859-1",
                        "caf\u00e9",
                        CD + "form-data; name=\"a\"; name=\"b\"",
                        "which?",
                        CD + "form-data; name=\"c\"\r\n" + CD + "form-data; name=\"d\"",
                        "which?",
                        CD + "form-data; name=\"e\"\r\nX-Garbage",
                        "a header without a colon",
                        CD + "form-data; name=\"_charset_\"",
                        "iso-8859-1")))
                .containsExactly(
                        "[body, files] part_nested",
                        "[body, b64] part_encoding",
                        "[body, latin] part_charset",
                        "[body, b] part_name",
                        "[body, c] header_repeated",
                        "[body, e] header_malformed",
                        "[body, _charset_] part_charset");
    }

    @Test
    void whatSaysUtf8OrIsPlainIsRead() throws IOException {
        List<Part> parts = parse(body(
                CD + "form-data; name=\"a\"\r\nContent-Type: text/plain; charset=UTF-8",
                "1",
                CD + "form-data; name=\"_charset_\"",
                "utf-8",
                CD + "form-data; name=\"f\"; filename=\"x.csv\"\r\nContent-Type: text/csv; charset=windows-1252"
                        + "\r\nContent-Transfer-Encoding: binary",
                "a,b",
                CD + "form-data; name=\"g\";\r\n filename=\"folded.txt\"",
                "folded header line"));

        assertThat(parts).extracting(Part::getName).containsExactly("a", "_charset_", "f", "g");
        assertThat(parts.get(3).getSubmittedFileName()).isEqualTo("folded.txt");
    }

    @Test
    void filenameAndFilenameStarMustNameTheSameFile() throws IOException {
        assertThat(refused(body(
                        CD + "form-data; name=\"a\"; filename=\"one.txt\"; filename*=UTF-8''two.txt",
                        "1",
                        CD + "form-data; name=\"b\"; filename*=UTF-8''two.txt; filename=\"one.txt\"",
                        "2",
                        CD + "form-data; name=\"c\"; filename=\"\"; filename*=UTF-8''two.txt",
                        "3")))
                .containsExactly("[body, a] part_name", "[body, b] part_name", "[body, c] part_name");

        List<Part> parts = parse(body(
                CD + "form-data; name=\"a\"; filename=\"caf\u00e9.txt\"; filename*=utf-8'fr'caf%C3%A9.txt",
                "1",
                CD + "form-data; name=\"b\"; filename*=UTF-8''caf%C3%A9.txt; FILENAME=caf\u00e9.txt",
                "2"));
        assertThat(parts).extracting(Part::getSubmittedFileName).containsExactly("caf\u00e9.txt", "caf\u00e9.txt");
    }

    @Test
    void textBeforeTheFirstBoundaryOrAfterTheLastIsRefused() {
        assertThatThrownBy(() -> parse("preamble\r\n" + body(CD + "form-data; name=\"a\"", "1")))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("does not begin with its boundary line");
        assertThatThrownBy(() -> parse(body(CD + "form-data; name=\"a\"", "1") + "--b0undary\r\n" + CD
                        + "form-data; name=\"late\"\r\n\r\nlost\r\n--b0undary--"))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("follows the closing boundary");
        assertThatThrownBy(() -> parse("--b0undary--\r\nepilogue"))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("follows the closing boundary");
        assertThatThrownBy(() -> parse("--b0undaryX\r\n"))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("followed by other text");
        assertThatThrownBy(() -> parse("multipart/form-data", "--b0undary--".getBytes()))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("no boundary");
    }

    @Test
    void aBodyCutShortOrWithLfLineEndsIsMalformed() {
        String whole = body(CD + "form-data; name=\"a\"", "1");
        assertThatThrownBy(() -> parse(whole.substring(0, whole.length() - 8)))
                .isInstanceOf(MultipartStream.MalformedStreamException.class);
        assertThatThrownBy(() -> parse(whole.substring(0, 30)))
                .isInstanceOf(MultipartStream.MalformedStreamException.class);
        // LF alone ends no header block (RFC 7578 asks for CRLF): the block runs on past its limit.
        assertThatThrownBy(() -> parse(whole.replace("\r\n", "\n") + "x".repeat(600)))
                .isInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void theLimitsAreTomcatsWithItsExceptions() {
        var many = new String[120];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = CD + "form-data; name=\"f" + i + "\"";
            many[i + 1] = "x";
        }
        assertThatThrownBy(() -> parse(body(many))).isInstanceOf(FileCountLimitExceededException.class);
        assertThatThrownBy(() -> parse(body(CD + "form-data; name=\"a\"; filename=\"" + "n".repeat(600) + "\"", "1")))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("Header section has more than 512 bytes");
        limits = new MultipartLimits(10_000_000, 100, 1024, "", 50, 512, 2_000_000);
        assertThatThrownBy(() -> parse(body(CD + "form-data; name=\"a\"; filename=\"a\"", "x".repeat(101))))
                .isInstanceOf(FileSizeLimitExceededException.class);
        limits = new MultipartLimits(200, 100, 1024, "", 50, 512, 2_000_000);
        assertThatThrownBy(() -> parse(body(CD + "form-data; name=\"a\"", "1", CD + "form-data; name=\"b\"", "2")
                        + "\r\n".repeat(100)))
                .isInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void theTextFieldsTogetherAreHeldToTheFormLimitAndFilesAreNot() throws IOException {
        limits = new MultipartLimits(10_000_000, 5_000_000, 1024, "", 50, 512, 100);
        assertThatThrownBy(() -> parse(body(
                        CD + "form-data; name=\"a\"", "x".repeat(60), CD + "form-data; name=\"b\"", "y".repeat(41))))
                .isInstanceOf(PayloadTooLarge.class)
                .hasMessageContaining("text fields are larger together than the limit of 100 bytes");
        assertThat(parse(body(
                        CD + "form-data; name=\"a\"",
                        "x".repeat(60),
                        CD + "form-data; name=\"f\"; filename=\"f.txt\"",
                        "z".repeat(500),
                        CD + "form-data; name=\"b\"",
                        "y".repeat(40))))
                .hasSize(3);
        try (var files = Files.list(temp)) {
            assertThat(files).as("the refused body's parts are deleted").isEmpty();
        }
    }

    @Test
    void aRefusedBodyLeavesNoTemporaryFile() throws IOException {
        assertThat(refused(body(
                        CD + "form-data; name=\"files\"; filename=\"big.bin\"",
                        "x".repeat(50_000),
                        CD + "attachment; name=\"files\"; filename=\"a.pdf\"",
                        "%PDF")))
                .containsExactly("[body, files] part_disposition");
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }
}
