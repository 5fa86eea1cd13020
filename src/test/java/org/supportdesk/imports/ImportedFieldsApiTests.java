package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
