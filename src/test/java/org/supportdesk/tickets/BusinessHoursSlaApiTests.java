package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

/** The SLA clocks within business hours (Berlin, Monday to Friday, 09:00 to 17:00), across a weekend. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "supportdesk.sla.business-hours=true",
            "supportdesk.sla.time-zone=Europe/Berlin",
            "supportdesk.sla.business-days=monday,tuesday,wednesday,thursday,friday",
            "supportdesk.sla.business-start=09:00",
            "supportdesk.sla.business-end=17:00"
        })
@Tag(TestDatabase.BOTH)
@Import(OnMovableClock.class)
class BusinessHoursSlaApiTests {

    /** Friday 2026-11-27, 16:00 in Berlin. */
    static final Instant FRIDAY_FOUR = Instant.parse("2026-11-27T15:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        OnMovableClock.register(registry, "supportdesk-business-hours", FRIDAY_FOUR);
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
        clock.set(FRIDAY_FOUR);
        customer = "hours-" + UUID.randomUUID();
    }

    private String urgentTicket() {
        return api.post(
                        "/tickets",
                        aTicket()
                                .withCustomer(customer)
                                .with("priority", "urgent")
                                .build())
                .json()
                .get("id")
                .asString();
    }

    private JsonNode sla(String id) {
        return api.get("/tickets/" + id).json().get("sla");
    }

    private long breachedCount() {
        return api.get("/tickets?sla=breached&customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    @Test
    void theClockStopsAtClosingTimeAndOverTheWeekend() {
        String id = urgentTicket();

        // One working hour from Friday 16:00 is Friday 17:00; four are Monday 12:00.
        assertThat(sla(id).get("first_response_due_at").asString()).isEqualTo("2026-11-27T16:00:00.000Z");
        assertThat(sla(id).get("resolution_due_at").asString()).isEqualTo("2026-11-30T11:00:00.000Z");
        clock.set(Instant.parse("2026-11-28T12:00:00Z")); // Saturday
        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"first_response\"]");
        clock.set(Instant.parse("2026-11-30T10:59:59Z")); // Monday 11:59:59 in Berlin
        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"first_response\"]");
        clock.set(Instant.parse("2026-11-30T11:00:01Z"));
        assertThat(sla(id).get("breached").toString()).isEqualTo("[\"first_response\",\"resolution\"]");
    }

    @Test
    void aPauseOverTheWeekendCountsOnlyItsWorkingTime() {
        String id = urgentTicket();
        clock.set(Instant.parse("2026-11-27T15:30:00Z")); // Friday 16:30, 30 minutes left
        api.patch("/tickets/" + id, Map.of("status", "waiting_customer"));

        clock.set(Instant.parse("2026-11-30T09:00:00Z")); // Monday 10:00
        assertThat(breachedCount()).isZero();
        api.patch("/tickets/" + id, Map.of("status", "in_progress"));

        // The 30 minutes left at the pause are left again: due Monday 10:30 in Berlin.
        assertThat(sla(id).get("first_response_due_at").asString()).isEqualTo("2026-11-30T09:30:00.000Z");
        clock.set(Instant.parse("2026-11-30T09:30:01Z"));
        assertThat(breachedCount()).isEqualTo(1);
    }
}
