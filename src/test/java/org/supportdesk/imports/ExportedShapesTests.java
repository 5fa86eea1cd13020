package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.imports.ImportFixtures.read;
import static org.supportdesk.imports.ImportFormat.CSV;
import static org.supportdesk.imports.ImportFormat.JSON;
import static org.supportdesk.imports.ImportFormat.XML;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parsers read of the shapes exports write: Zendesk's JSON wrapper, and our own export's fields. */
class ExportedShapesTests {

    private static final String TICKET =
            "{\"customer_id\":\"C-1\",\"customer_email\":\"a@example.com\",\"customer_name\":\"Ann\","
                    + "\"subject\":\"S\",\"description\":\"Description\"}";

    @Test
    void aTicketsObjectIsReadAsItsArrayAndItsOtherKeysAreIgnored() {
        List<ImportRecord> records = read(
                JSON,
                "{\"tickets\": [" + TICKET + ", " + TICKET + "], \"count\": 2, \"next_page\": null,"
                        + " \"meta\": {\"nested\": [1, {\"x\": 2}]}}");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2);
        assertThat(records.get(1).fields().get("customer_id").asString()).isEqualTo("C-1");
    }

    @Test
    void anObjectWhoseFirstKeyIsNotTicketsIsStillOneRecordOfAStream() {
        List<ImportRecord> records = read(JSON, TICKET.replace("}", ",\"tickets\":[1]}") + "\n" + TICKET);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields().get("tickets").toString()).isEqualTo("[1]");
    }

    @Test
    void aTicketsKeyThatHoldsNoArrayIsAFieldOfOneRecord() {
        List<ImportRecord> records = read(JSON, "{\"tickets\": 5, " + TICKET.substring(1));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields().get("tickets").asInt()).isEqualTo(5);
        assertThat(records.get(0).fields().get("subject").asString()).isEqualTo("S");
    }

    @Test
    void csvReadsTheExportsColumnsAndTagsAsAJsonArray() {
        List<ImportRecord> records = read(
                CSV,
                "customer_id,customer_email,customer_name,subject,description,id,version,created_at,tags,classification\n"
                        + "C-1,a@example.com,Ann,S,Description,6f1c0e9e-3b7a-4c55-9d7e-0a3f2b1c4d5e,3,"
                        + "2026-01-02T03:04:05.678Z,\"[\"\"a,b\"\",\"\"c\"\"]\",\"{\"\"category\"\":\"\"other\"\"}\"\n");

        var fields = records.get(0).fields();
        assertThat(fields.get("id").asString()).isEqualTo("6f1c0e9e-3b7a-4c55-9d7e-0a3f2b1c4d5e");
        assertThat(fields.get("version").asString()).isEqualTo("3");
        assertThat(fields.get("created_at").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(fields.get("tags").toString()).isEqualTo("[\"a,b\",\"c\"]");
        assertThat(fields.get("classification").asString()).isEqualTo("{\"category\":\"other\"}");
    }

    @Test
    void csvTakesOneQuoteOffACellTheExportGuardedAgainstFormulas() {
        assertThat(CsvTicketReader.unguard("'=SUM(A1)")).isEqualTo("=SUM(A1)");
        assertThat(CsvTicketReader.unguard("'+1")).isEqualTo("+1");
        assertThat(CsvTicketReader.unguard("'-1")).isEqualTo("-1");
        assertThat(CsvTicketReader.unguard("'@me")).isEqualTo("@me");
        assertThat(CsvTicketReader.unguard("''=x")).isEqualTo("'=x");
        // Quotes before anything else are text.
        assertThat(CsvTicketReader.unguard("'quoted'")).isEqualTo("'quoted'");
        assertThat(CsvTicketReader.unguard("'''")).isEqualTo("'''");
        assertThat(CsvTicketReader.unguard("=plain")).isEqualTo("=plain");
        assertThat(CsvTicketReader.unguard("")).isEqualTo("");
    }

    @Test
    void xmlReadsTheClassificationAsAnObject() {
        List<ImportRecord> records = read(
                XML,
                "<tickets><ticket><customer_id>C-1</customer_id><subject>S</subject>"
                        + "<classification><category>other</category><confidence>0.5</confidence></classification>"
                        + "</ticket></tickets>");

        assertThat(records.get(0).fields().get("classification").toString())
                .isEqualTo("{\"category\":\"other\",\"confidence\":\"0.5\"}");
    }
}
