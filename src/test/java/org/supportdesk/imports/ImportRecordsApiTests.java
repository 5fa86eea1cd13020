package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * Imports over real HTTP, record by record: the samples in each format, invalid records reported
 * by row and the valid ones stored, structural errors that store nothing, large imports, dry runs
 * and classification.
 */
class ImportRecordsApiTests extends ImportApiTest {

    @Test
    void aLoneSurrogateIsRefusedInEveryFormatAndNothingOfItIsStored() {
        String customer = "surrogate-" + UUID.randomUUID();
        String record = "{\"customer_id\": \"" + customer + "\", \"customer_email\": \"a@example.com\","
                + " \"customer_name\": \"Ann\", \"subject\": \"ab\\ud800cd\","
                + " \"description\": \"Please refund the duplicate payment\"}";
        // JSON can escape one: the record is reported like any invalid one, by its field.
        for (String[] json :
                new String[][] {{"application/json", "[" + record + "]"}, {"application/x-ndjson", record}}) {
            Api.Response response = api.send("POST", "/import/json", json[0], json[1], java.util.Map.of());

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("error_count").asInt()).isEqualTo(1);
            assertThat(response.json().get("errors").get(0).get("errors").get(0).asString())
                    .as(json[0])
                    .startsWith("subject: ");
        }
        // CSV and XML cannot carry one: its UTF-8 bytes are not UTF-8, and XML has no such character.
        byte[] bytes = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] csv = concat(
                (HEADER + customer + ",a@example.com,Ann,ab").getBytes(StandardCharsets.UTF_8),
                bytes,
                "cd,Please refund the duplicate payment,,,\n".getBytes(StandardCharsets.UTF_8));
        byte[] xml = ("<tickets><ticket><customer_id>" + customer + "</customer_id><customer_email>a@example.com"
                        + "</customer_email><customer_name>Ann</customer_name><subject>ab&#xD800;cd</subject>"
                        + "<description>Please refund the duplicate payment</description></ticket></tickets>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(api.sendBytes("POST", "/import/csv", "text/csv", csv).status())
                .isEqualTo(400);
        assertThat(api.sendBytes("POST", "/import/xml", "application/xml", xml).status())
                .isEqualTo(400);
        assertThat(totalFor(customer)).isZero();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void importsTheCsvSampleAsMultipart() throws IOException {
        Api.Response response = upload("/import/csv", "tickets-50.csv", "text/csv", sample("tickets-50.csv"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("total").asLong()).isEqualTo(50);
        assertThat(result.get("success_count").asLong()).isEqualTo(50);
        assertThat(result.get("error_count").asLong()).isZero();
        assertThat(result.get("imported_ids").size()).isEqualTo(50);
        String id = result.get("imported_ids").get(0).asString();
        assertThat(api.get("/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    void importsTheJsonAndXmlSamplesAsRawBodies() throws IOException {
        Api.Response json = api.sendBytes("POST", "/import/json", "application/json", sample("tickets-20.json"));
        Api.Response xml = api.sendBytes("POST", "/import/xml", "application/xml", sample("tickets-30.xml"));

        assertThat(json.json().get("success_count").asLong()).isEqualTo(20);
        assertThat(xml.json().get("success_count").asLong()).isEqualTo(30);
    }

    @Test
    void reportsInvalidRecordsByRowAndStoresTheValidOnes() throws IOException {
        for (String[] file : new String[][] {
            {"/import/csv", "broken-rows.csv", "10", "5"},
            {"/import/json", "broken-records.json", "8", "4"},
            {"/import/xml", "broken-records.xml", "6", "3"}
        }) {
            JsonNode result = upload(file[0], file[1], "application/octet-stream", sample(file[1]))
                    .json();

            assertThat(result.get("total").asInt()).as(file[1]).isEqualTo(Integer.parseInt(file[2]));
            assertThat(result.get("success_count").asInt()).as(file[1]).isEqualTo(Integer.parseInt(file[3]));
            assertThat(result.get("errors").size())
                    .as(file[1])
                    .isEqualTo(result.get("error_count").asInt());
            JsonNode first = result.get("errors").get(0);
            assertThat(first.get("row").asInt()).isPositive();
            assertThat(first.get("errors").get(0).asString()).contains(": ");
        }
    }

    @Test
    void numbersCsvRowsWithoutTheHeaderAndNamesTheField() {
        String customer = "imp-" + UUID.randomUUID();
        String csv = HEADER + customer + ",ok@example.com,Ann,Subject,Long enough description,,,\n" + customer
                + ",not-an-email,Bob,Subject,Long enough description,,,\n";

        JsonNode result = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .json();

        assertThat(result.get("errors").toString())
                .isEqualTo("[{\"row\":2,\"errors\":[\"customer_email: value is not a valid email address\"]}]");
    }

    @Test
    void structuralErrorOnTheLastRecordStoresNothing() {
        String customer = "imp-" + UUID.randomUUID();
        // Past several write batches (stored while the rest is read), then a quote that never closes.
        String csv = rows(customer, 5500) + customer + ",x@example.com,X,\"broken,subject,description\n";

        Api.Response response = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("line 5502");
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void importPastSeveralWriteBatchesStoresEveryRow() {
        String customer = "imp-" + UUID.randomUUID();

        Api.Response response = api.sendBytes(
                "POST", "/import/csv", "text/csv", rows(customer, 5500).getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success_count").asLong()).isEqualTo(5500);
        assertThat(totalFor(customer)).isEqualTo(5500);
        assertThat(api.get("/tickets?customer_id=" + customer + "&tag=b&limit=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(5500);
    }

    @Test
    void structuralSamplesAreRefusedWithWhereAndStoreNothing() throws IOException {
        long before = api.get("/tickets/stats").json().get("total").asLong();
        for (String[] file : new String[][] {
            {"/import/csv", "malformed.csv", "line 1"},
            {"/import/json", "malformed.json", "record 5"},
            {"/import/xml", "malformed.xml", "record 5"}
        }) {
            Api.Response response = upload(file[0], file[1], "application/octet-stream", sample(file[1]));

            assertThat(response.status()).as(file[1]).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).as(file[1]).contains(file[2]);
        }
        assertThat(api.get("/tickets/stats").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void dryRunValidatesAndReportsWithoutStoring() {
        String customer = "imp-" + UUID.randomUUID();

        JsonNode result = api.sendBytes(
                        "POST",
                        "/import/csv?dry_run=true",
                        "text/csv",
                        rows(customer, 5).getBytes(StandardCharsets.UTF_8))
                .json();

        assertThat(result.get("success_count").asInt()).isEqualTo(5);
        assertThat(result.get("dry_run").asBoolean()).isTrue();
        assertThat(result.get("imported_ids").size()).isZero();
        assertThat(totalFor(customer)).isZero();
    }

    @Test
    void recordsWithoutCategoryOrPriorityAreClassified() {
        String customer = "imp-" + UUID.randomUUID();
        String csv = HEADER + customer + ",a@example.com,Ann,Charged twice,My card was charged twice for the plan,,,\n";

        JsonNode result = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .json();
        JsonNode ticket = api.get(
                        "/tickets/" + result.get("imported_ids").get(0).asString())
                .json();

        assertThat(ticket.get("classification").isNull()).isFalse();
        JsonNode history =
                api.get("/tickets/" + ticket.get("id").asString() + "/history").json();
        assertThat(history.get(1).get("action").asString()).isEqualTo("classified");
    }
}
