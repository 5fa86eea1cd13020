package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;

/**
 * Import uploads over real HTTP, whole: the format found by name, type or content, and the files,
 * bodies and multipart forms refused, with the status that says why.
 */
class ImportUploadsApiTests extends ImportApiTest {

    @Test
    void ticketsImportFindsTheFormatByNameTypeOrContent() throws IOException {
        assertThat(upload("/tickets/import", "t.xml", "application/octet-stream", sample("tickets-30.xml"))
                        .json()
                        .get("success_count")
                        .asInt())
                .isEqualTo(30);
        assertThat(api.sendBytes(
                                "POST",
                                "/tickets/import",
                                "application/x-ndjson",
                                "{\"customer_id\":\"n\"}\n".getBytes(StandardCharsets.UTF_8))
                        .json()
                        .get("error_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.sendBytes("POST", "/tickets/import", "application/octet-stream", sample("tickets-20.json"))
                        .json()
                        .get("success_count")
                        .asInt())
                .isEqualTo(20);
    }

    @Test
    void aFileOfTheWrongKindIs400SayingWhatWasExpected() throws IOException {
        Api.Response byName = upload("/import/json", "tickets-50.csv", "text/csv", sample("tickets-50.csv"));
        Api.Response byContent = api.sendBytes("POST", "/import/csv", "text/csv", sample("tickets-20.json"));

        assertThat(byName.status()).isEqualTo(400);
        assertThat(byName.json().get("detail").asString()).contains("Expected a JSON file");
        assertThat(byContent.status()).isEqualTo(400);
        assertThat(byContent.json().get("detail").asString()).contains("Expected a CSV file but got JSON");
    }

    @Test
    void refusesBinaryEmptyAndNonUtf8Files() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] latin1 = (HEADER + "c,a@example.com,Jos\u00e9,Hello,Long enough description,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(api.sendBytes("POST", "/import/csv", "text/csv", png).status())
                .isEqualTo(400);
        assertThat(api.sendBytes("POST", "/import/csv", "text/csv", new byte[0]).status())
                .isEqualTo(400);
        Api.Response notUtf8 = api.sendBytes("POST", "/import/csv", "text/csv", latin1);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("detail").asString()).contains("UTF-8");
    }

    @Test
    void refusesXmlWithADoctype() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<tickets><ticket><subject>&x;</subject></ticket></tickets>";

        Api.Response response =
                api.sendBytes("POST", "/import/xml", "application/xml", xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("DTD");
    }

    @Test
    void multipartWithoutAFileFieldIs422AndUnknownTypeIs415() {
        Api.Response noFile = api.sendBytes(
                "POST",
                "/import/csv",
                "multipart/form-data; boundary=xyz",
                "--xyz--\r\n".getBytes(StandardCharsets.UTF_8));
        Api.Response image = api.sendBytes("POST", "/import/csv", "image/png", new byte[] {1, 2, 3});

        assertThat(noFile.status()).isIn(400, 422);
        assertThat(image.status()).isEqualTo(415);
    }

    @Test
    void aMultipartBodyWithTenThousandPartsIs400TooManyParts() {
        var body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append("--xyz\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nv\r\n");
        }
        body.append("--xyz--\r\n");

        Api.Response response = api.sendBytes(
                "POST",
                "/import/csv",
                "multipart/form-data; boundary=xyz",
                body.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Too many parts in the multipart body");
    }

    @Test
    void aTenKilobyteFileNameIs400() {
        Api.Response response = upload("/import/csv", "n".repeat(10 * 1024) + ".csv", "text/csv", sampleCsv());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("file name");
    }

    private static byte[] sampleCsv() {
        return (HEADER + "c,a@example.com,Ann,Printer jam,The printer jams on every page,,,\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void uploadsOverTheLimitAre413() throws Exception {
        // A raw body that declares a length over the default 100MB is refused before it is read.
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import/csv"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofString("x"), 200L * 1024 * 1024))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedEarly) {
            // The server answered 413 and closed before the client finished sending: also a refusal.
            return;
        }
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
