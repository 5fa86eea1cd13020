package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportFixtures.failure;
import static org.supportdesk.imports.ImportFixtures.fileFailure;
import static org.supportdesk.imports.ImportFixtures.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncodingTests {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static String sample(ImportFormat format) {
        return switch (format) {
            case CSV ->
                "customer_id,customer_email,customer_name,subject,description\nC-1,a@example.com,Zoë,Ünïcode ✓ 😀,D\n";
            case JSON -> "[{\"customer_id\":\"C-1\",\"customer_name\":\"Zoë\",\"subject\":\"Ünïcode ✓ 😀\"}]";
            case XML ->
                "<tickets><ticket><customer_id>C-1</customer_id><customer_name>Zoë</customer_name>"
                        + "<subject>Ünïcode ✓ 😀</subject></ticket></tickets>";
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void readsUtf8WithAndWithoutByteOrderMark(ImportFormat format) {
        byte[] utf8 = sample(format).getBytes(StandardCharsets.UTF_8);

        for (byte[] content : new byte[][] {utf8, concat(BOM, utf8)}) {
            ImportRecord record = read(format, content).get(0);
            assertThat(record.fields().get("customer_id").asString()).isEqualTo("C-1");
            assertThat(record.fields().get("customer_name").asString()).isEqualTo("Zoë");
            assertThat(record.fields().get("subject").asString()).isEqualTo("Ünïcode ✓ 😀");
        }
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void refusesInvalidUtf8NamingTheLine(ImportFormat format) {
        byte[] latin1 = ("\n\n" + sample(format)).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(failure(format, latin1)).hasMessageMatching("line [34]: file is not valid UTF-8 .*");
    }

    @org.junit.jupiter.api.Test
    void refusesALatin1CsvNamingTheLineOfTheBadByte() {
        assertThat(fileFailure(ImportFormat.CSV, "csv-latin1-not-utf8.csv"))
                .hasMessage("line 2: file is not valid UTF-8 (bad byte sequence at byte 84)");
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void refusesUtf16(ImportFormat format) {
        byte[] utf16 = sample(format).getBytes(StandardCharsets.UTF_16);

        assertThat(failure(format, utf16)).hasMessage("line 1: file is UTF-16 encoded, expected UTF-8");
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void refusesAPngImageAsBinary(ImportFormat format) {
        assertThat(fileFailure(format, "binary-png-image.png"))
                .hasMessage("line 1: file looks binary (a PNG image), expected CSV, JSON or XML");
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void refusesZipAndGzipAsBinary(ImportFormat format) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(sample(format).getBytes(StandardCharsets.UTF_8));
        }
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00};

        assertThat(failure(format, gz.toByteArray())).hasMessageContaining("looks binary (gzip-compressed data)");
        assertThat(failure(format, zip)).hasMessageContaining("looks binary (a ZIP archive, e.g. an Excel .xlsx file)");
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void refusesNulBytesAsBinary(ImportFormat format) {
        String withNul = sample(format).replace("Zoë", "Zo\0ë");

        assertThat(failure(format, withNul))
                .hasMessageMatching(
                        "line [12]: file looks binary \\(it contains NUL bytes\\), expected CSV, JSON or XML");
    }
}
