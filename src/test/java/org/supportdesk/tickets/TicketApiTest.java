package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;
import tools.jackson.databind.JsonNode;

/**
 * Base of the ticket API's full-app tests: tickets created through the API. No configuration of
 * its own, so its tests share {@link ApiTest}'s server.
 */
abstract class TicketApiTest extends ApiTest {

    static final Pattern RFC_3339_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    /** The ticket created from {@code body}, as the API answered it (201). */
    JsonNode create(Map<String, Object> body) {
        Api.Response response = api.post("/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode create(TicketBody ticket) {
        return create(ticket.build());
    }
}
