package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user samples in samples/ parse as samples/README.md promises (validation is checked elsewhere). */
class SampleFilesTests {

    private static List<ImportRecord> read(String name) throws IOException {
        ImportFormat format = ImportFormat.fromFileName(name).orElseThrow();
        List<ImportRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("samples", name));
                TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @ParameterizedTest
    @CsvSource({
        "tickets-50.csv, 50, 0",
        "tickets-20.json, 20, 0",
        "tickets-30.xml, 30, 0",
        "broken-rows.csv, 10, 0",
        "broken-records.json, 8, 1",
        "broken-records.xml, 6, 0"
    })
    void readsTheSampleFiles(String name, int records, int problems) throws IOException {
        List<ImportRecord> read = read(name);

        assertThat(read).hasSize(records);
        assertThat(read).filteredOn(ImportRecord::hasProblem).hasSize(problems);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed.csv  | line 1: the header lacks the required column customer_email",
                "malformed.json | line 6, column 84 (record 5): Unexpected character",
                "malformed.xml  | line 59, column 5 (record 5): The element type \"subject\" must be terminated"
            })
    void refusesTheMalformedSamples(String name, String message) {
        assertThat(catchThrowableOfType(MalformedImportException.class, () -> read(name)))
                .hasMessageStartingWith(message);
    }
}
