package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportFixtures.failure;
import static org.supportdesk.imports.ImportFixtures.fileFailure;
import static org.supportdesk.imports.ImportFixtures.read;
import static org.supportdesk.imports.ImportFixtures.readFile;
import static org.supportdesk.imports.ImportFormat.CSV;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTicketReaderTests {

    private static final String HEADER = "customer_id,customer_email,customer_name,subject,description\n";

    @Test
    void readsAllColumnsIntoTheShapeOfAPostBody() {
        List<ImportRecord> records = readFile(CSV, "csv-all-columns.csv");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields().toString())
                .isEqualTo(
                        "{\"customer_id\":\"C-1\",\"customer_email\":\"ann@example.com\","
                                + "\"customer_name\":\"Ann Lee\",\"subject\":\"Charged twice\","
                                + "\"description\":\"I was charged twice for my March invoice.\","
                                + "\"category\":\"billing_question\",\"priority\":\"high\",\"status\":\"new\","
                                + "\"tags\":[\"billing\",\"refund\",\"duplicate\"],\"assigned_to\":\"agent-7\","
                                + "\"metadata\":{\"source\":\"email\",\"browser\":\"Firefox 128\",\"device_type\":\"desktop\"}}");
        assertThat(records.get(0).hasProblem()).isFalse();
    }

    @Test
    void leavesEmptyOptionalCellsAbsent() {
        ImportRecord second = readFile(CSV, "csv-all-columns.csv").get(1);

        assertThat(second.fields().propertyNames())
                .containsExactly("customer_id", "customer_email", "customer_name", "subject", "description");
    }

    @Test
    void putsEmptyStringForEmptyRequiredCellsSoTheValidatorReportsThem() {
        ImportRecord record = read(CSV, HEADER + "C-1,,Ann,,Description here\n").get(0);

        assertThat(record.fields().get("customer_email").asString()).isEmpty();
        assertThat(record.fields().get("subject").asString()).isEmpty();
    }

    @Test
    void passesFieldContentsThroughWithoutValidatingThem() {
        ImportRecord record =
                read(CSV, HEADER + "C-1,not-an-email,Ann,x,short\n").get(0);

        assertThat(record.fields().get("customer_email").asString()).isEqualTo("not-an-email");
        assertThat(record.fields().get("description").asString()).isEqualTo("short");
    }

    @Test
    void readsQuotedCommasQuotesAndNewlinesInsideFields() {
        List<ImportRecord> records = readFile(CSV, "csv-quoted-commas-quotes-and-newlines.csv");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields().get("customer_name").asString()).isEqualTo("Doe, Ann");
        assertThat(records.get(0).fields().get("subject").asString()).isEqualTo("Refund \"asap\"");
        assertThat(records.get(0).fields().get("description").asString())
                .isEqualTo("Line one, with a comma\nline two\nline three");
    }

    @Test
    void countsARecordWithEmbeddedNewlinesAsOneRow() {
        List<ImportRecord> records = readFile(CSV, "csv-quoted-commas-quotes-and-newlines.csv");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2);
        assertThat(records.get(1).fields().get("customer_id").asString()).isEqualTo("C-2");
    }

    @Test
    void keepsLineNumbersRightAfterMultiLineFields() {
        String csv = HEADER + "C-1,a@example.com,Ann,S,\"two\nlines\"\nC-2,b@example.com,Bob,S,\"bad\"x\n";

        assertThat(failure(CSV, csv)).hasMessageStartingWith("line 4: ");
    }

    @Test
    void skipsAUtf8ByteOrderMarkAndReadsCrlfLineEnds() {
        List<ImportRecord> records = readFile(CSV, "csv-utf8-bom-crlf.csv");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields().get("customer_id").asString()).isEqualTo("C-1");
        assertThat(records.get(0).fields().get("description").asString()).isEqualTo("Exported from Excel with a BOM");
    }

    @Test
    void matchesColumnsByTrimmedCaseInsensitiveNameInAnyOrder() {
        ImportRecord record =
                readFile(CSV, "csv-columns-in-any-order-and-case.csv").get(0);

        assertThat(record.fields().get("customer_id").asString()).isEqualTo("C-1");
        assertThat(record.fields().get("subject").asString()).isEqualTo("Cannot log in");
        assertThat(record.fields().get("category").asString()).isEqualTo("account_access");
        assertThat(record.fields().get("tags").toString()).isEqualTo("[\"login\",\"password\"]");
    }

    @Test
    void refusesAHeaderWithoutRequiredColumnsNamingThem() {
        assertThat(fileFailure(CSV, "csv-missing-required-columns.csv"))
                .hasMessageStartingWith("line 1: ")
                .hasMessageContaining("customer_email, description");
    }

    @Test
    void refusesAColumnThatAppearsTwice() {
        assertThat(failure(CSV, "customer_id,customer_email,customer_name,subject,description,Subject\n"))
                .hasMessage("line 1: column subject appears twice in the header");
    }

    @Test
    void ignoresColumnsItDoesNotKnow() {
        ImportRecord record =
                readFile(CSV, "csv-extra-columns-from-another-helpdesk.csv").get(0);

        assertThat(record.fields().propertyNames())
                .containsExactly("customer_id", "customer_email", "customer_name", "subject", "description");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(fileFailure(CSV, "csv-empty.csv")).hasMessage("line 1: file is empty");
        assertThat(failure(CSV, "\n\n  \n")).hasMessage("line 1: file is empty");
        assertThat(failure(CSV, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .hasMessage("line 1: file is empty");
    }

    @Test
    void readsAHeaderOnlyFileAsZeroRecords() {
        assertThat(readFile(CSV, "csv-header-only.csv")).isEmpty();
        assertThat(read(CSV, HEADER.strip())).isEmpty();
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCellsWithoutCountingThem() {
        List<ImportRecord> records = readFile(CSV, "csv-blank-lines.csv");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2);
        assertThat(records)
                .extracting(r -> r.fields().get("customer_id").asString())
                .containsExactly("C-1", "C-2");
    }

    @Test
    void treatsMissingTrailingCellsAsAbsent() {
        List<ImportRecord> records = readFile(CSV, "csv-fewer-cells-than-header.csv");

        assertThat(records.get(0).fields().has("category")).isFalse();
        assertThat(records.get(1).fields().toString())
                .isEqualTo("{\"customer_id\":\"C-2\",\"customer_email\":\"bob@example.com\","
                        + "\"customer_name\":\"\",\"subject\":\"\",\"description\":\"\"}");
    }

    @Test
    void refusesARowWithMoreCellsThanTheHeader() {
        assertThat(fileFailure(CSV, "csv-more-cells-than-header.csv"))
                .hasMessage("line 3 (row 2): 6 fields but the header has 5");
    }

    @Test
    void toleratesEmptySurplusCellsFromTrailingCommas() {
        List<ImportRecord> records = read(CSV, HEADER + "C-1,a@example.com,Ann,S,Description,,\n");

        assertThat(records).hasSize(1);
    }

    @Test
    void refusesABareQuoteInsideAnUnquotedField() {
        assertThat(fileFailure(CSV, "csv-bare-quote-in-unquoted-field.csv"))
                .hasMessageStartingWith("line 2: a double quote inside an unquoted field");
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        assertThat(failure(CSV, HEADER + "C-1,a@example.com,\"Ann\" Lee,S,Description\n"))
                .hasMessage("line 2: unexpected character ' ' after the closing quote of a field");
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheLineWhereItStarts() {
        assertThat(fileFailure(CSV, "csv-unclosed-quote.csv"))
                .hasMessage("line 5: the quoted field that starts on line 3 is not closed");
    }

    @Test
    void refusesAnUnclosedQuoteBeforeItFillsMemory() {
        String huge = HEADER + "C-1,a@example.com,Ann,S,\"" + "x".repeat(CsvRecord.MAX_RECORD_CHARS + 10);

        assertThat(failure(CSV, huge))
                .hasMessageContaining("the record that starts on line 2 is longer than 1000000 characters");
    }

    @Test
    void throwsOnAStructuralErrorOnlyWhenIterationReachesIt() {
        String csv = HEADER + "C-1,a@example.com,Ann,S,Description\nC-2,b@example.com,Bob,\"S\"x,D\n";
        try (TicketRecordReader reader =
                TicketFileParsers.open(CSV, new java.io.ByteArrayInputStream(csv.getBytes()))) {
            assertThat(reader.next().row()).isEqualTo(1);
            MalformedImportException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    MalformedImportException.class, reader::hasNext);
            assertThat(e).hasMessageStartingWith("line 3: ");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(reader::hasNext))
                    .isSameAs(e);
        }
    }

    @Test
    void splitsTagsOnCommasTrimmingAndDroppingEmptyOnes() {
        ImportRecord record = read(
                        CSV,
                        "customer_id,customer_email,customer_name,subject,description,tags\n"
                                + "C-1,a@example.com,Ann,S,Description,\" vip , ,billing,\"\n")
                .get(0);

        assertThat(record.fields().get("tags").toString()).isEqualTo("[\"vip\",\"billing\"]");
    }

    @Test
    void readsTheLastRecordWithoutATrailingNewline() {
        List<ImportRecord> records = read(CSV, HEADER + "C-1,a@example.com,Ann,S,\"Quoted at EOF\"");

        assertThat(records.get(0).fields().get("description").asString()).isEqualTo("Quoted at EOF");
    }

    @Test
    void readsFieldsThatCrossTheReadBuffer() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            csv.append("C-")
                    .append(i)
                    .append(",a@example.com,\"Ann \"\"")
                    .append(i)
                    .append("\"\"\",S,")
                    .append("\"Line one\r\nline two ")
                    .append("y".repeat(i % 97))
                    .append("\"\r\n");
        }
        List<ImportRecord> records = read(CSV, csv.toString());

        assertThat(records).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(records.get(i).row()).isEqualTo(i + 1);
            assertThat(records.get(i).fields().get("customer_name").asString()).isEqualTo("Ann \"" + i + "\"");
            assertThat(records.get(i).fields().get("description").asString())
                    .isEqualTo("Line one\r\nline two " + "y".repeat(i % 97));
        }
    }

    @Test
    void readsCrOnlyAndMixedLineEndsCountingLinesForEach() {
        String csv = HEADER.replace("\n", "\r") + "C-1,a@example.com,Ann,S,D1\rC-2,b@example.com,Bob,S,D2\r\n"
                + "C-3,c@example.com,Cy,S,D3\nC-4,d@example.com,Di,\"x\"y,D4\n";

        assertThat(failure(CSV, csv)).hasMessageStartingWith("line 5: ");
        assertThat(read(CSV, csv.substring(0, csv.indexOf("C-4")))).hasSize(3);
    }
}
