package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aRefundRequest;
import static org.supportdesk.TicketBody.aTicket;
import static org.supportdesk.tickets.Status.CLOSED;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import tools.jackson.databind.JsonNode;

/**
 * Tickets created, read and deleted over real HTTP: server fields, ids, read-only fields, unknown
 * ids and paths.
 */
class TicketCreateApiTests extends TicketApiTest {

    @Test
    void createsTicketWithServerFieldsLocationAndEtag() {
        Api.Response response = api.post(
                "/tickets", aTicket().withTags(" vip ", "export", "vip").build());

        assertThat(response.status()).isEqualTo(201);
        JsonNode t = response.json();
        assertThat(response.header("Location"))
                .isEqualTo("/tickets/" + t.get("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(t.get("status").asString()).isEqualTo("new");
        assertThat(t.get("version").asInt()).isEqualTo(1);
        assertThat(t.get("created_at").asString())
                .matches(RFC_3339_UTC)
                .isEqualTo(t.get("updated_at").asString());
        assertThat(t.get("resolved_at").isNull()).isTrue();
        assertThat(t.get("tags").toString()).isEqualTo("[\"vip\",\"export\"]");
        assertThat(t.get("metadata").get("source").asString()).isEqualTo("web_form");
        assertThat(t.get("category").asString()).isEqualTo("technical_issue");
    }

    @Test
    void ticketIdsAreRandomVersion4Uuids() {
        var ids = new java.util.HashSet<UUID>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.fromString(create(aTicket().build()).get("id").asString());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void getReturnsTheStoredTicket() {
        JsonNode created = create(aTicket().build());

        Api.Response response = api.get("/tickets/" + created.get("id").asString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void ignoresReadOnlyFieldsInTheBody() {
        JsonNode t = create(aTicket()
                .with("id", "00000000-0000-4000-8000-000000000000")
                .with("version", 99)
                .with("created_at", "x")
                .build());

        assertThat(t.get("id").asString()).isNotEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(t.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void answers404ForUnknownIdAnd422ForNonUuid() {
        Api.Response missing = api.get("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Ticket not found");

        Api.Response bad = api.get("/tickets/not-a-uuid");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"id\"]");

        assertThat(api.delete("/tickets/not-a-uuid").status()).isEqualTo(422);
        assertThat(api.patch("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6", Map.of("subject", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void postsSentAtOnceAreEachStoredWithTheirTagsHistoryCountsAndSearchIndex() throws Exception {
        // On SQLite the POSTs that wait for the writer together are stored by one batch of statements.
        String customer = "cust-" + UUID.randomUUID();
        String word = "zq" + Long.toString(System.nanoTime(), 36);

        List<JsonNode> created = Concurrently.run(
                24,
                12,
                i -> create(aRefundRequest()
                        .withCustomer(customer)
                        .withSubject("Refund " + word + " number " + i)
                        .withTags("batch", "n" + i)
                        .build()));

        assertThat(created).extracting(t -> t.get("id").asString()).doesNotHaveDuplicates();
        for (int i = 0; i < created.size(); i++) {
            String path = "/tickets/" + created.get(i).get("id").asString();
            JsonNode stored = api.get(path).json();
            assertThat(stored.get("subject").asString()).isEqualTo("Refund " + word + " number " + i);
            assertThat(stored.get("tags").toString()).isEqualTo("[\"batch\",\"n" + i + "\"]");
            assertThat(api.get("/tickets?tag=n" + i + "&customer_id=" + customer)
                            .json()
                            .get("total")
                            .asInt())
                    .isEqualTo(1);
            JsonNode history = api.get(path + "/history").json();
            assertThat(history).extracting(e -> e.get("action").asString()).containsExactly("created", "classified");
        }
        assertThat(api.get("/tickets/stats?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(24);
        assertThat(api.get("/tickets?q=" + word).json().get("total").asInt()).isEqualTo(24);
    }

    @Test
    void ticketCreatedResolvedIsResolvedAtCreation() {
        JsonNode t = create(aTicket().withStatus(CLOSED).build());

        assertThat(t.get("resolved_at").asString())
                .isEqualTo(t.get("created_at").asString());
    }

    @Test
    void deleteAnswers204ThenTheTicketIsGone() {
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(404);
        assertThat(api.get(path + "/history").status()).isEqualTo(404);
    }

    @Test
    void unknownPathAndMethodAnswerWithJsonDetail() {
        Api.Response unknown = api.get("/nowhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Not Found");

        Api.Response method = api.delete("/tickets");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.Response response = api.get("/tickets/not-a-uuid");

        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
