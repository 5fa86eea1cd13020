package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * An id given twice in one file is the second record's error, on every format and endpoint, in a
 * dry run as well, and in a background job; the file's other records are imported.
 */
class RepeatedIdsApiTests extends ApiTest {

    private String customer;

    @BeforeEach
    void aCustomerOfThisTest() {
        customer = "repeated-" + UUID.randomUUID();
    }

    /** A file of records in {@code format}, one per id; a null id leaves the id out. */
    private byte[] file(String format, List<String> ids) {
        var out = new StringBuilder();
        switch (format) {
            case "csv" -> {
                out.append("id,customer_id,customer_email,customer_name,subject,description\n");
                ids.forEach(id -> out.append(id == null ? "" : id)
                        .append(',')
                        .append(customer)
                        .append(",ann@example.com,Ann Lee,Charged twice,My card was charged twice this month.\n"));
            }
            case "json" -> {
                var records = new ArrayList<String>();
                ids.forEach(id -> records.add("{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"customer_id\":\""
                        + customer + "\",\"customer_email\":\"ann@example.com\",\"customer_name\":\"Ann Lee\","
                        + "\"subject\":\"Charged twice\",\"description\":\"My card was charged twice this month.\"}"));
                out.append('[').append(String.join(",", records)).append(']');
            }
            default -> {
                out.append("<tickets>");
                ids.forEach(id -> out.append("<ticket>")
                        .append(id == null ? "" : "<id>" + id + "</id>")
                        .append("<customer_id>")
                        .append(customer)
                        .append("</customer_id><customer_email>ann@example.com</customer_email>")
                        .append("<customer_name>Ann Lee</customer_name><subject>Charged twice</subject>")
                        .append("<description>My card was charged twice this month.</description></ticket>"));
                out.append("</tickets>");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long stored() {
        return api.get("/tickets?limit=1&customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    private static String type(String format) {
        return format.equals("csv") ? "text/csv" : "application/" + format;
    }

    @ParameterizedTest
    @CsvSource({
        "csv,/import/csv",
        "json,/import/json",
        "xml,/import/xml",
        "csv,/tickets/import",
        "json,/tickets/import",
        "xml,/tickets/import"
    })
    void anIdGivenTwiceIsAnErrorOfTheSecondRecordAndTheOthersAreImported(String format, String endpoint) {
        String id = UUID.randomUUID().toString();

        Api.Response r = api.sendBytes("POST", endpoint, type(format), file(format, Arrays.asList(id, null, id)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.get("success_count").asInt()).isEqualTo(2);
        assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(result.get("errors").get(0).get("errors").get(0).asString())
                .isEqualTo("id: This id appears earlier in the file, in row 1");
        assertThat(stored()).isEqualTo(2);
        assertThat(api.get("/tickets/" + id).json().get("customer_id").asString())
                .isEqualTo(customer);
    }

    @Test
    void aDryRunReportsTheRepeatedIdAsTheImportWould() {
        String id = UUID.randomUUID().toString();

        JsonNode result = api.sendBytes(
                        "POST", "/import/json?dry_run=true", "application/json", file("json", List.of(id, id)))
                .json();

        assertThat(result.get("success_count").asInt()).isEqualTo(1);
        assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(stored()).isZero();
    }

    @Test
    void anIdRepeatedInALaterBatchIsFoundToo() {
        String id = UUID.randomUUID().toString();
        var ids = new ArrayList<String>();
        ids.add(id);
        for (int i = 0; i < 1_500; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.add(id);

        JsonNode result = api.sendBytes("POST", "/import/csv", "text/csv", file("csv", ids))
                .json();

        assertThat(result.get("success_count").asInt()).isEqualTo(1_501);
        assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(1_502);
        assertThat(stored()).isEqualTo(1_501);
    }

    @Test
    void anIdThatIsStoredAlreadyIsThatRecordsErrorInEveryFormat() {
        String id = UUID.randomUUID().toString();
        api.sendBytes("POST", "/import/csv", "text/csv", file("csv", List.of(id)));

        for (String format : List.of("csv", "json", "xml")) {
            JsonNode result = api.sendBytes("POST", "/import/" + format, type(format), file(format, List.of(id)))
                    .json();
            assertThat(result.get("error_count").asInt()).as(format).isEqualTo(1);
            assertThat(result.get("errors").get(0).get("errors").get(0).asString())
                    .isEqualTo("id: A ticket with this id exists already");
        }
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aBackgroundJobReportsTheRepeatedIdAsARowError() {
        String id = UUID.randomUUID().toString();
        String job = api.sendBytes("POST", "/imports", "application/xml", file("xml", List.of(id, id)))
                .json()
                .get("id")
                .asString();

        JsonNode done = ImportJobFixtures.waitUntilDone(api, job);

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("result").get("error_count").asInt()).isEqualTo(1);
        assertThat(done.get("rows_stored").asInt()).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
    }
}
