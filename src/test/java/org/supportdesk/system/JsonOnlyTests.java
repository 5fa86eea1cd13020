package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * The API answers in JSON, its documented shape, and in nothing else. Spring registers a YAML
 * writer when Jackson 2's YAML module is on the class path (swagger-core brings it for the OpenAPI
 * description), and that writer knew none of the API's JSON settings: `Accept: application/yaml`
 * got a ticket with `customerId` instead of `customer_id`, timestamps in another form.
 */
class JsonOnlyTests extends ApiTest {

    @Test
    void aTicketAskedForInYamlIsNotAcceptableAndJsonIsStillPreferredToIt() {
        String id = api.post("/tickets", aTicket().build()).json().get("id").asString();

        Api.Response yaml = api.send("GET", "/tickets/" + id, null, null, Map.of("Accept", "application/yaml"));
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(406);
        assertThat(yaml.header("Content-Type")).startsWith("application/json");

        Api.Response either = api.send(
                "GET", "/tickets/" + id, null, null, Map.of("Accept", "application/yaml, application/json;q=0.5"));
        assertThat(either.status()).isEqualTo(200);
        assertThat(either.header("Content-Type")).startsWith("application/json");
        assertThat(either.json().get("customer_id").asString()).isNotBlank();
    }

    @Test
    void theOpenApiDescriptionIsStillServedAsYaml() {
        Api.Response r = api.send("GET", "/openapi.json.yaml", null, null, Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: ");
    }
}
