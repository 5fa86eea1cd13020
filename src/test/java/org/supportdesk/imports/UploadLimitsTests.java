package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.RawHttp;

/**
 * Uploads over the import limit (256 KB here) sent chunked, without a length: refused as soon as
 * the limit is crossed, before anything is parsed or stored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "supportdesk.import-max-size=256KB")
class UploadLimitsTests extends ApiTest {

    private static final int LIMIT = 256 * 1024;
    private static final String BOUNDARY = "upload-limits-boundary";

    private static byte[] rows(String customer, int count) {
        var csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            csv.append(customer)
                    .append(",ann")
                    .append(i)
                    .append("@example.com,Ann Lee,Printer jam,")
                    .append("The printer jams on every page since this morning\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends the head, then {@code first} and as many {@code more} as fit in the limit plus 64 KB,
     * chunked and without the last chunk, as a client that would go on sending; then reads.
     */
    private RawHttp.Response sendPastTheLimit(String contentType, byte[] first, byte[] more) {
        try (RawHttp http = RawHttp.open(port)) {
            http.send(("POST /import/csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.ADMIN_KEY
                            + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long sent = first.length;
            boolean open = http.sendChunk(first);
            while (open && sent < LIMIT + 64 * 1024) {
                open = http.sendChunk(more);
                sent += more.length;
            }
            // No final chunk: an answer now means the server stopped reading at the limit.
            return http.read();
        }
    }

    private long totalFor(String customer) {
        return api.get("/tickets/stats?customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    @Test
    void aChunkedUploadOverTheLimitIs413AsSoonAsTheLimitIsCrossedAndNothingIsStored() {
        String customer = "chunked-" + UUID.randomUUID();
        byte[] header =
                "customer_id,customer_email,customer_name,subject,description\n".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = sendPastTheLimit("text/csv", header, rows(customer, 100));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Request body is larger than the limit of 262144 bytes");
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aChunkedUploadOverTheLimitIsRefusedBeforeItsContentIsLookedAt() {
        // Binary from the first byte: read as it arrived, this was a 400 ("looks binary") before
        // the size was known.
        byte[] binary = new byte[16 * 1024];

        RawHttp.Response response = sendPastTheLimit("text/csv", binary, binary);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aChunkedMultipartUploadOverTheLimitIs413() {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\ncustomer_id,customer_email,customer_name,subject,description\n")
                .getBytes(StandardCharsets.UTF_8);
        String customer = "chunked-mp-" + UUID.randomUUID();

        RawHttp.Response response =
                sendPastTheLimit("multipart/form-data; boundary=" + BOUNDARY, head, rows(customer, 100));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("larger than the limit");
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void aChunkedUploadWithinTheLimitIsImported() {
        String customer = "chunked-ok-" + UUID.randomUUID();
        var csv = new ByteArrayOutputStream();
        csv.writeBytes(
                "customer_id,customer_email,customer_name,subject,description\n".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(rows(customer, 300));

        RawHttp.Response response;
        try (RawHttp http = RawHttp.open(port)) {
            http.send(("POST /import/csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.ADMIN_KEY
                            + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] all = csv.toByteArray();
            for (int at = 0; at < all.length; at += 10_000) {
                http.sendChunk(java.util.Arrays.copyOfRange(all, at, Math.min(all.length, at + 10_000)));
            }
            http.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            response = http.read();
        }

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success_count").asLong()).isEqualTo(300);
        assertThat(totalFor(customer)).isEqualTo(300);
    }
}
