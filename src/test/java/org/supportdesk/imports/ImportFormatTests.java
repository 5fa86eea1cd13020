package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportFormatTests {

    private static ImportFormat sniff(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return ImportFormat.sniff(bytes, bytes.length);
    }

    @Test
    void detectsTheFormatFromTheFileNameExtension() {
        assertThat(ImportFormat.fromFileName("tickets.csv")).contains(ImportFormat.CSV);
        assertThat(ImportFormat.fromFileName("C:\\Exports\\TICKETS.CSV")).contains(ImportFormat.CSV);
        assertThat(ImportFormat.fromFileName("tickets.json")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromFileName("tickets.ndjson")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromFileName("tickets.jsonl")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromFileName("tickets.Xml")).contains(ImportFormat.XML);
        assertThat(ImportFormat.fromFileName("tickets.txt")).isEmpty();
        assertThat(ImportFormat.fromFileName("csv")).isEmpty();
        assertThat(ImportFormat.fromFileName(null)).isEmpty();
    }

    @Test
    void detectsTheFormatFromTheContentTypeIgnoringParameters() {
        assertThat(ImportFormat.fromContentType("text/csv; charset=utf-8")).contains(ImportFormat.CSV);
        assertThat(ImportFormat.fromContentType("application/json")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromContentType("Application/X-NDJSON")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromContentType("application/vnd.tickets+json")).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromContentType("application/xml")).contains(ImportFormat.XML);
        assertThat(ImportFormat.fromContentType("text/xml;charset=UTF-8")).contains(ImportFormat.XML);
        assertThat(ImportFormat.fromContentType("application/octet-stream")).isEmpty();
        assertThat(ImportFormat.fromContentType("text/plain")).isEmpty();
        assertThat(ImportFormat.fromContentType(null)).isEmpty();
    }

    @Test
    void sniffsTheFirstNonWhitespaceByteAfterAnOptionalBom() {
        assertThat(sniff("[{\"a\":1}]")).isEqualTo(ImportFormat.JSON);
        assertThat(sniff("\n  {\"a\":1}\n{\"a\":2}")).isEqualTo(ImportFormat.JSON);
        assertThat(sniff("\uFEFF<?xml version=\"1.0\"?><tickets/>")).isEqualTo(ImportFormat.XML);
        assertThat(sniff("\r\n\t<tickets/>")).isEqualTo(ImportFormat.XML);
        assertThat(sniff("\uFEFFcustomer_id,customer_email")).isEqualTo(ImportFormat.CSV);
        assertThat(sniff("")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.sniff(new byte[] {'{', 0}, 0)).isEqualTo(ImportFormat.CSV);
    }

    @Test
    void sniffsAStreamAndRewindsItForParsing() throws Exception {
        BufferedInputStream in = new BufferedInputStream(
                new ByteArrayInputStream("  [{\"customer_id\":\"C-1\"}]".getBytes(StandardCharsets.UTF_8)));

        ImportFormat format = ImportFormat.sniff(in);

        assertThat(format).isEqualTo(ImportFormat.JSON);
        try (TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            assertThat(reader.next().fields().get("customer_id").asString()).isEqualTo("C-1");
        }
    }

    @Test
    void detectsByFileNameThenContentTypeThenContent() throws Exception {
        BufferedInputStream xml = new BufferedInputStream(new ByteArrayInputStream("<tickets/>".getBytes()));

        assertThat(ImportFormat.detect("t.csv", "application/json", xml)).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.detect("upload", "application/json", xml)).isEqualTo(ImportFormat.JSON);
        assertThat(ImportFormat.detect(null, "application/octet-stream", xml)).isEqualTo(ImportFormat.XML);
        assertThat(Optional.of(ImportFormat.detect(null, null, xml))).contains(ImportFormat.XML);
    }
}
