package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.MovableClock;
import org.supportdesk.OnMovableClock;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The SLA clocks with the default targets, around the clock, on a server whose clock the test
 * moves: due times, breaches, pauses while waiting on the customer, priority changes, the list
 * filter and sort, the stats. No sleeps.
 *
 * <p>The base of the SLA API's tests, with their one configuration: its tests share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
abstract class SlaApiTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        OnMovableClock.register(registry, "supportdesk-sla", T);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    Api api;

    String customer;

    @BeforeEach
    void start() {
        api = new Api(port);
        clock.set(T);
        customer = "sla-" + UUID.randomUUID();
    }

    String ticket(String priority, String status) {
        Api.Response r = api.post(
                "/tickets",
                aTicket()
                        .withCustomer(customer)
                        .with("priority", priority)
                        .with("status", status)
                        .build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode sla(String id) {
        return api.get("/tickets/" + id).json().get("sla");
    }

    void at(String offset) {
        clock.set(T.plus(Duration.parse("PT" + offset)));
    }

    void status(String id, String status) {
        Api.Response r = api.patch("/tickets/" + id, Map.of("status", status));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    List<String> list(String query) {
        var ids = new ArrayList<String>();
        api.get("/tickets?customer_id=" + customer + "&" + query)
                .json()
                .get("items")
                .forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }
}
