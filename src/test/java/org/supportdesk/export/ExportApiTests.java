package org.supportdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Export, then import into another, empty service: the same tickets, every field (ids, times,
 * version, classification, tags, metadata, who set category and priority), in every format, with
 * the awkward text a real store holds: other scripts, emoji, quotes, commas, line breaks, and cells
 * a spreadsheet would run as formulas.
 */
class ExportApiTests extends ApiTest {

    private static Instance empty;

    @BeforeAll
    static void anEmptyService() throws IOException {
        var settings = new HashMap<String, String>();
        settings.put(
                "supportdesk.data-dir",
                Files.createTempDirectory("supportdesk-export").toString());
        if (TestDatabase.isPostgres()) {
            settings.putAll(TestDatabase.settings(TestDatabase.newDatabase()));
        }
        empty = Instance.start(settings);
    }

    @AfterAll
    static void stop() {
        if (empty != null) {
            empty.close();
        }
    }

    private String customer;
    private final List<JsonNode> originals = new ArrayList<>();

    @BeforeEach
    void ticketsWithEveryKindOfValue() {
        customer = "export-" + UUID.randomUUID();
        create(aTicket()
                .withCustomer(customer)
                .withSubject("Ünïcödé \"quoted\", comma 😀 東京")
                .withDescription("Line one\nLine two with \"quotes\", commas, and a CR LF\r\nthird line;\ttab here.")
                .with("customer_name", "Zoë O'Brien-Łukasz")
                .withTags("vip", "a,b", "[bracket", "ümlaut")
                .withAssignee("María")
                .with("metadata", Map.of("source", "chat", "browser", "Firefox \"132\"")));
        create(aTicket()
                .withCustomer(customer)
                .withSubject("=SUM(A1:A2)")
                .withDescription("-1 is no number, =HYPERLINK(\"http://x\") and +call @me")
                .with("customer_name", "@handle")
                .withTags("=cmd", "+x", "-y", "@z", "'=quoted")
                .withAssignee("'=already quoted"));
        JsonNode classified = create(aTicket()
                .withCustomer(customer)
                .withSubject("Charged twice this month")
                .withDescription("My card was charged twice for the same invoice, please refund one payment.")
                .unclassified());
        api.patch("/tickets/" + classified.get("id").asString(), Map.of("status", "resolved"));
        create(aTicket().withCustomer(customer).withTags().with("metadata", Map.of("source", "email")));
        originals.clear();
        for (JsonNode t : api.get("/tickets?customer_id=" + customer).json().get("items")) {
            originals.add(t);
        }
        assertThat(originals).hasSize(4);
        assertThat(originals.get(2).get("version").asInt()).isEqualTo(2);
        assertThat(originals.get(2).get("classification").isObject()).isTrue();
    }

    private JsonNode create(org.supportdesk.TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response export(Api from, String format) {
        Api.Response r = from.get("/tickets/export?format=" + format + "&customer_id=" + customer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "ndjson", "xml"})
    void anExportImportedIntoAnEmptyServiceGivesTheSameTickets(String format) {
        Api.Response exported = export(api, format);
        assertThat(exported.header("Content-Disposition"))
                .matches("attachment; filename=\"tickets-\\d{8}-\\d{6}\\." + format + "\"");

        String endpoint = format.equals("ndjson") ? "json" : format;
        String type = Map.of(
                        "csv",
                        "text/csv",
                        "json",
                        "application/json",
                        "ndjson",
                        "application/x-ndjson",
                        "xml",
                        "application/xml")
                .get(format);
        Api.Response imported = empty.api()
                .sendBytes("POST", "/import/" + endpoint, type, exported.body().getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("error_count").asInt())
                    .as(imported.body())
                    .isZero();
            assertThat(imported.json().get("success_count").asInt()).isEqualTo(4);
            for (JsonNode original : originals) {
                JsonNode copy = empty.api()
                        .get("/tickets/" + original.get("id").asString())
                        .json();
                assertThat(copy).isEqualTo(original);
            }
            // Who set category and priority (not shown by the API) came along too.
            assertThat(export(empty.api(), "ndjson").body())
                    .isEqualTo(export(api, "ndjson").body());
        } finally {
            for (JsonNode original : originals) {
                empty.api().delete("/tickets/" + original.get("id").asString());
            }
        }
    }

    @Test
    void noCsvCellStartsWithWhatASpreadsheetWouldRun() throws IOException {
        String csv = export(api, "csv").body();

        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records).hasSize(4);
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        CSVRecord formulas = records.get(1);
        assertThat(formulas.get("subject")).isEqualTo("'=SUM(A1:A2)");
        assertThat(formulas.get("customer_name")).isEqualTo("'@handle");
        assertThat(formulas.get("assigned_to")).isEqualTo("''=already quoted");
        assertThat(formulas.get("tags")).isEqualTo("'=cmd,+x,-y,@z,'=quoted");
    }

    @Test
    void exportTakesTheListFiltersAndQ() {
        String csv = api.get("/tickets/export?format=csv&customer_id=" + customer + "&q=charged")
                .body();
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).contains("Charged twice this month");
        String none = api.get("/tickets/export?format=json&customer_id=" + customer + "&status=closed")
                .body();
        assertThat(none.strip()).isEqualTo("[]");
    }

    @Test
    void aBadFormatOrFilterIsA422BeforeAnythingIsSent() {
        Api.Response format = api.get("/tickets/export?format=xlsx");
        assertThat(format.status()).isEqualTo(422);
        assertThat(format.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"format\"]");
        assertThat(api.get("/tickets/export?status=open").status()).isEqualTo(422);
        assertThat(api.get("/tickets/export?q=%22open").status()).isEqualTo(422);
    }
}
