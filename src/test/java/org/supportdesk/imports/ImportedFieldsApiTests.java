package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/** An imported record's read-only fields (id, times, version, classification) are kept, and checked. */
class ImportedFieldsApiTests extends ApiTest {

    private String customer;

    @BeforeEach
    void aCustomerOfThisTest() {
        customer = "imported-" + UUID.randomUUID();
    }

    private String record(String more) {
        return "{\"customer_id\":\"" + customer + "\",\"customer_email\":\"a@example.com\",\"customer_name\":\"Ann\","
                + "\"subject\":\"Charged twice\",\"description\":\"My card was charged twice this month.\","
                + "\"category\":\"billing_question\",\"priority\":\"high\"" + more + "}";
    }

    private JsonNode importJson(String... records) {
        Api.Response r = api.sendBytes(
                "POST",
                "/import/json",
                "application/json",
                ("[" + String.join(",", records) + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anImportedTicketKeepsItsIdTimesVersionAndClassification() {
        String id = UUID.randomUUID().toString();
        JsonNode result = importJson(record(",\"id\":\"" + id + "\",\"status\":\"resolved\","
                + "\"created_at\":\"2025-03-01T10:00:00.000Z\",\"updated_at\":\"2025-03-02T11:30:00.000Z\","
                + "\"resolved_at\":\"2025-03-02T11:30:00.000Z\",\"version\":7,\"category_by\":\"classifier\","
                + "\"classification\":{\"category\":\"billing_question\",\"priority\":\"high\",\"confidence\":0.8,"
                + "\"reasoning\":\"r\",\"keywords_found\":[\"charged\"],\"method\":\"rules\","
                + "\"classified_at\":\"2025-03-01T10:00:00.000Z\"}"));

        assertThat(result.get("imported_ids").get(0).asString()).isEqualTo(id);
        JsonNode t = api.get("/tickets/" + id).json();
        assertThat(t.get("created_at").asString()).isEqualTo("2025-03-01T10:00:00.000Z");
        assertThat(t.get("updated_at").asString()).isEqualTo("2025-03-02T11:30:00.000Z");
        assertThat(t.get("resolved_at").asString()).isEqualTo("2025-03-02T11:30:00.000Z");
        assertThat(t.get("version").asInt()).isEqualTo(7);
        assertThat(t.get("classification").get("confidence").asDouble()).isEqualTo(0.8);
        assertThat(t.get("classification").get("keywords_found").toString()).isEqualTo("[\"charged\"]");
    }

    @Test
    void anIdThatIsStoredAlreadyIsThatRecordsErrorAndTheOthersAreImported() {
        String id = UUID.randomUUID().toString();
        importJson(record(",\"id\":\"" + id + "\""));

        JsonNode again = importJson(record(",\"id\":\"" + id + "\""), record(""));

        assertThat(again.get("success_count").asInt()).isEqualTo(1);
        assertThat(again.get("errors").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(again.get("errors").get(0).get("errors").toString()).contains("id");
        assertThat(api.get("/tickets?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void readOnlyFieldsThatMakeNoSenseAreErrorsOfTheirRecord() {
        JsonNode result = importJson(
                record(",\"id\":\"not-a-uuid\""),
                record(",\"version\":0"),
                record(",\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\""),
                record(",\"resolved_at\":\"2026-01-02T00:00:00Z\""),
                record(",\"created_at\":\"yesterday\""),
                record(",\"category_by\":\"robot\""),
                record(",\"classification\":{\"category\":\"nonsense\",\"confidence\":2}"),
                record(""));

        assertThat(result.get("success_count").asInt()).isEqualTo(1);
        assertThat(result.get("error_count").asInt()).isEqualTo(7);
        String[] fields = {"id", "version", "updated_at", "resolved_at", "created_at", "category_by", "classification"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode error = result.get("errors").get(i);
            assertThat(error.get("row").asInt()).isEqualTo(i + 1);
            assertThat(error.get("errors").get(0).asString())
                    .as(error.toString())
                    .startsWith(fields[i]);
        }
    }

    private static String classified(String confidence) {
        return ",\"classification\":{\"category\":\"billing_question\",\"priority\":\"high\",\"confidence\":"
                + confidence + ",\"reasoning\":\"r\",\"keywords_found\":[],\"method\":\"rules\"}";
    }

    @Test
    void numbersOutOfRangeAreErrorsOfTheirRecordWithTheRangeInWords() {
        String digits400 = "9".repeat(400);
        JsonNode result = importJson(
                record(",\"version\":9223372036854775808"),
                record(",\"version\":-9223372036854775809"),
                record(",\"version\":1000000000000000000000000000000"),
                record(",\"version\":2147483648"),
                record(",\"version\":0"),
                record(",\"version\":\"" + digits400 + "\""),
                record(",\"version\":1e30"),
                record(classified(digits400)),
                record(classified("-" + digits400)),
                record(classified("\"" + digits400 + "\"")),
                record(",\"created_at\":1000000000000000000000000000000"),
                record(",\"version\":2147483647"),
                record(",\"version\":1000000000"));

        String tooLarge = "version: Input should be less than or equal to 1000000000";
        String tooSmall = "version: Input should be greater than or equal to 1";
        String confidence = "classification.confidence: Input should be a number from 0 to 1";
        assertThat(result.get("errors"))
                .extracting(e -> e.get("errors").get(0).asString())
                .containsExactly(
                        tooLarge,
                        tooSmall,
                        tooLarge,
                        tooLarge,
                        tooSmall,
                        tooLarge,
                        "version: Input should be a valid integer",
                        confidence,
                        confidence,
                        confidence,
                        "created_at: Input should be a valid datetime (RFC 3339, e.g. 2026-11-25T10:00:00Z) or date",
                        tooLarge);
        assertThat(result.get("success_count").asInt()).isEqualTo(1);
    }

    @Test
    void numbersOutOfRangeInCsvAndXmlAreErrorsOfTheirRecordToo() {
        String csv = "customer_id,customer_email,customer_name,subject,description,version,classification\n"
                + customer + ",a@example.com,Ann,Charged twice,My card was charged twice this month.,"
                + "9223372036854775808,\n"
                + customer + ",a@example.com,Ann,Charged twice,My card was charged twice this month.,,"
                + "\"{\"\"category\"\":\"\"billing_question\"\",\"\"priority\"\":\"\"high\"\",\"\"confidence\"\":"
                + "9".repeat(400)
                + ",\"\"reasoning\"\":\"\"r\"\",\"\"keywords_found\"\":[],\"\"method\"\":\"\"rules\"\"}\"\n";
        Api.Response fromCsv = api.sendBytes("POST", "/import/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String xml = "<tickets><ticket><customer_id>" + customer + "</customer_id>"
                + "<customer_email>a@example.com</customer_email><customer_name>Ann</customer_name>"
                + "<subject>Charged twice</subject><description>My card was charged twice this month.</description>"
                + "<version>-9223372036854775809</version></ticket></tickets>";
        Api.Response fromXml =
                api.sendBytes("POST", "/import/xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(200);
        assertThat(fromCsv.json().get("errors"))
                .extracting(e -> e.get("errors").get(0).asString())
                .containsExactly(
                        "version: Input should be less than or equal to 1000000000",
                        "classification.confidence: Input should be a number from 0 to 1");
        assertThat(fromXml.status()).as(fromXml.body()).isEqualTo(200);
        assertThat(fromXml.json().get("errors").get(0).get("errors").get(0).asString())
                .isEqualTo("version: Input should be greater than or equal to 1");
    }

    @Test
    void timesMoreThanADayAheadAreErrorsOfTheirRecord() {
        String tomorrowSoon = Instant.now().plus(Duration.ofHours(20)).toString();
        JsonNode result = importJson(
                record(",\"updated_at\":\"9999-12-31T23:59:59.999Z\""),
                record(",\"created_at\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\""),
                record(",\"created_at\":\"" + tomorrowSoon + "\",\"updated_at\":\"" + tomorrowSoon + "\""));

        assertThat(result.get("errors"))
                .extracting(e -> e.get("errors").get(0).asString())
                .containsExactly(
                        "updated_at: Input should not be more than a day in the future",
                        "created_at: Input should not be more than a day in the future");
        assertThat(result.get("success_count").asInt()).isEqualTo(1);
    }

    @Test
    void aClassificationWithTextTheDatabasesCannotStoreIsAnErrorOfItsRecord() {
        String classification = ",\"classification\":{\"category\":\"billing_question\",\"priority\":\"high\","
                + "\"confidence\":0.5,\"reasoning\":\"r\\u0000\",\"keywords_found\":[\"ok\",\"k\\udfff\"],"
                + "\"method\":\"rules\"}";
        JsonNode result = importJson(record(classification));

        assertThat(result.get("success_count").asInt()).isZero();
        assertThat(result.get("errors").get(0).get("errors"))
                .extracting(JsonNode::asString)
                .anySatisfy(
                        m -> assertThat(m).startsWith("classification.reasoning: String should not contain the NUL"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("classification.keywords_found[1]: String should not contain a lone surrogate"));
    }
}
