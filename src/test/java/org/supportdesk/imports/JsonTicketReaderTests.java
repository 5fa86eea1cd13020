package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.supportdesk.imports.ImportFixtures.failure;
import static org.supportdesk.imports.ImportFixtures.fileFailure;
import static org.supportdesk.imports.ImportFixtures.read;
import static org.supportdesk.imports.ImportFixtures.readFile;
import static org.supportdesk.imports.ImportFormat.JSON;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTicketReaderTests {

    private static final String TICKET =
            "{\"customer_id\":\"C-1\",\"customer_email\":\"a@example.com\",\"customer_name\":\"Ann\","
                    + "\"subject\":\"S\",\"description\":\"Description\"}";

    @Test
    void readsAnArrayOfObjectsKeepingNestedMetadata() {
        List<ImportRecord> records = readFile(JSON, "json-array-nested-metadata.json");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2);
        assertThat(records.get(0).fields().get("metadata").toString())
                .isEqualTo("{\"source\":\"email\",\"browser\":\"Firefox 128\",\"device_type\":\"desktop\"}");
        assertThat(records.get(0).fields().get("tags").toString()).isEqualTo("[\"billing\",\"refund\"]");
        assertThat(records.get(1).fields().has("metadata")).isFalse();
    }

    @Test
    void movesFlatMetadataFieldsIntoMetadata() {
        ImportRecord record = readFile(JSON, "json-flat-metadata.json").get(0);

        assertThat(record.fields().has("source")).isFalse();
        assertThat(record.fields().get("metadata").toString())
                .isEqualTo("{\"source\":\"chat\",\"browser\":\"Safari 17\",\"device_type\":\"mobile\"}");
        assertThat(record.hasProblem()).isFalse();
    }

    @Test
    void mergesFlatFieldsIntoAPartialNestedMetadata() {
        ImportRecord record = read(JSON, "[{\"browser\":\"Edge\",\"metadata\":{\"source\":\"web_form\"}}]")
                .get(0);

        assertThat(record.fields().toString())
                .isEqualTo("{\"metadata\":{\"source\":\"web_form\",\"browser\":\"Edge\"}}");
    }

    @Test
    void reportsAFieldGivenFlatAndNestedWithDifferentValuesAsThatRecordsProblem() {
        List<ImportRecord> records = read(
                JSON,
                "[{\"source\":\"email\",\"metadata\":{\"source\":\"chat\"}},"
                        + "{\"source\":\"chat\",\"metadata\":{\"source\":\"chat\"}}]");

        assertThat(records.get(0).problem())
                .isEqualTo("source: given both directly and inside metadata, with different values");
        assertThat(records.get(1).problem()).isNull();
        assertThat(records.get(1).fields().toString()).isEqualTo("{\"metadata\":{\"source\":\"chat\"}}");
    }

    @Test
    void passesUnknownKeysAndWrongTypesThroughForTheValidator() {
        ImportRecord record = read(JSON, "[{\"priorty\":\"high\",\"tags\":\"not-an-array\",\"customer_id\":42}]")
                .get(0);

        assertThat(record.fields().toString())
                .isEqualTo("{\"priorty\":\"high\",\"tags\":\"not-an-array\",\"customer_id\":42}");
        assertThat(record.hasProblem()).isFalse();
    }

    @Test
    void readsNdjsonWithBlankLines() {
        List<ImportRecord> records = readFile(JSON, "json-ndjson-with-blank-lines.ndjson");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2, 3);
        assertThat(records.get(2).fields().get("customer_id").asString()).isEqualTo("C-3");
    }

    @Test
    void readsConcatenatedAndPrettyPrintedObjectsAsAStream() {
        List<ImportRecord> records = read(JSON, TICKET + TICKET + "\n{\n  \"customer_id\": \"C-3\"\n}\n");

        assertThat(records).hasSize(3);
    }

    @Test
    void readsASingleTopLevelObjectAsOneRecord() {
        assertThat(read(JSON, "  " + TICKET + "  ")).hasSize(1);
    }

    @Test
    void reportsNonObjectArrayElementsAsProblemsOfTheirRows() {
        List<ImportRecord> records = readFile(JSON, "json-array-with-non-object-elements.json");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(records)
                .extracting(ImportRecord::problem)
                .containsExactly(
                        null,
                        "record is not a JSON object (found a number)",
                        "record is not a JSON object (found a string)",
                        "record is not a JSON object (found an array)",
                        "record is not a JSON object (found null)",
                        null);
        assertThat(records.get(5).fields().get("customer_id").asString()).isEqualTo("C-6");
    }

    @Test
    void reportsANonObjectLineOfNdjsonAsAProblemOfItsRow() {
        List<ImportRecord> records = read(JSON, TICKET + "\n[1,2]\n" + TICKET);

        assertThat(records)
                .extracting(ImportRecord::problem)
                .containsExactly(null, "record is not a JSON object (found an array)", null);
    }

    @Test
    void throwsOnASyntaxErrorInTheLastRecordOnlyWhenIterationReachesIt() {
        try (TicketRecordReader reader =
                TicketFileParsers.open(JSON, ImportFixtures.resource("json-syntax-error-in-last-record.json"))) {
            assertThat(reader.next().row()).isEqualTo(1);
            assertThat(reader.next().row()).isEqualTo(2);
            assertThat(catchThrowableOfType(MalformedImportException.class, reader::hasNext))
                    .hasMessageStartingWith("line 4, column 84 (record 3): Unexpected character");
        }
    }

    @Test
    void refusesAnArrayThatIsNeverClosed() {
        assertThat(fileFailure(JSON, "json-unclosed-array.json"))
                .hasMessageStartingWith("line 3, column 1 (record 2): Unexpected end-of-input");
    }

    @Test
    void refusesContentAfterTheArray() {
        assertThat(failure(JSON, "[" + TICKET + "] " + TICKET))
                .hasMessageContaining("unexpected content after the closing ]");
    }

    @Test
    void refusesATopLevelValueThatIsNeitherArrayNorObject() {
        assertThat(failure(JSON, "42"))
                .hasMessage("line 1, column 1 (record 1): expected a JSON array of ticket objects or one object"
                        + " per line (NDJSON), found a number");
        assertThat(failure(JSON, "\"tickets\"")).hasMessageEndingWith("found a string");
    }

    @Test
    void refusesCommasBetweenStreamedObjects() {
        assertThat(failure(JSON, TICKET + ",\n" + TICKET)).hasMessageStartingWith("line 1, column ");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(failure(JSON, "")).hasMessage("line 1: file is empty");
        assertThat(failure(JSON, " \n\t ")).hasMessage("line 1: file is empty");
    }

    @Test
    void readsAnEmptyArrayAsZeroRecords() {
        assertThat(read(JSON, "[ ]")).isEmpty();
    }

    @Test
    void refusesAbsurdlyDeepNesting() {
        String deep = "[{\"metadata\":" + "[".repeat(100) + "]".repeat(100) + "}]";

        assertThat(failure(JSON, deep)).hasMessageContaining("JSON nesting too deep (limit 32 levels)");
    }

    @Test
    void refusesARecordLargerThanTheCapBeforeItFillsMemory() {
        String huge = "[{\"description\":\"" + "x".repeat(JsonTicketReader.MAX_RECORD_CHARS + 100_000) + "\"}]";

        assertThat(failure(JSON, huge)).hasMessageContaining("(record 1): record is longer than 1000000 characters");
    }

    @Test
    void readsManyRecordsThatCrossTheReadBuffer() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",\n").append(TICKET.replace("C-1", "C-" + i));
        }
        List<ImportRecord> records = read(JSON, json.append("]").toString());

        assertThat(records).hasSize(5000);
        assertThat(records.get(4999).fields().get("customer_id").asString()).isEqualTo("C-4999");
    }
}
