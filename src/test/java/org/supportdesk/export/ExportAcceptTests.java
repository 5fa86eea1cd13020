package org.supportdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * `GET /tickets/export` whose `Accept` refuses the format's type with `q=0` (RFC 9110: the most
 * specific range that includes the type decides): 406 with a JSON detail, before anything is
 * streamed. Until 2026-11-28 the export streamed the refused type all the same, as the other reads
 * no longer did.
 */
class ExportAcceptTests extends ApiTest {

    private String customer;

    @BeforeEach
    void oneTicket() {
        customer = "export-accept-" + UUID.randomUUID();
        Api.Response created =
                api.post("/tickets", aTicket().withCustomer(customer).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Api.Response export(String format, String accept) {
        String path = "/tickets/export?format=" + format + "&customer_id=" + customer;
        return api.send("GET", path, null, null, accept == null ? Map.of() : Map.of("Accept", accept));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "csv    | text/csv             | text/csv;q=0",
                "csv    | text/csv             | text/csv; q=0.000",
                "csv    | text/csv             | text/*;q=0",
                "csv    | text/csv             | */*;q=0",
                "csv    | text/csv             | application/json, text/csv;q=0",
                "csv    | text/csv             | */*, text/csv;q=0",
                "csv    | text/csv             | */*, text/*;q=0",
                "csv    | text/csv             | application/json;q=0",
                "json   | application/json     | application/json;q=0",
                "json   | application/json     | */*, application/*;q=0",
                "ndjson | application/x-ndjson | application/x-ndjson;q=0",
                "xml    | application/xml      | text/csv, application/xml;q=0",
            })
    void anExportWhoseTypeTheAcceptRefusesIsNotAcceptable(String format, String type, String accept) {
        Api.Response r = export(format, accept);

        assertThat(r.status()).as(accept + ": " + r.body()).isEqualTo(406);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Content-Disposition")).as("no download begun").isNull();
        assertThat(r.json().get("detail").asString())
                .isEqualTo("Not Acceptable: the answer is " + type
                        + ", which the Accept header rules out; send an Accept that allows it (or none)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "csv    | none",
                "csv    | */*",
                "csv    | text/csv",
                "csv    | text/csv;q=0.5",
                "csv    | text/*;q=0, text/csv",
                "csv    | application/json;q=0, */*",
                "json   | text/csv;q=0, */*",
                "ndjson | application/*;q=0, application/x-ndjson",
                "xml    | application/json;q=0, application/xml",
            })
    void anExportWhoseTypeTheAcceptAllowsIsStreamed(String format, String accept) {
        Api.Response r = export(format, accept);

        assertThat(r.status()).as(accept + ": " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).startsWith("attachment");
        assertThat(r.body()).contains(customer);
    }
}
