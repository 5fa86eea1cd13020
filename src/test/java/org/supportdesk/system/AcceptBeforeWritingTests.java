package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.TicketBody;

/**
 * A change whose `Accept` rules out JSON is a 406 before anything is written: Spring MVC finds
 * that out only when it writes the answer, which used to be after the ticket, comment, API key
 * or webhook was stored (the key's secret, shown once, lost; a retry storing it twice).
 */
class AcceptBeforeWritingTests extends ApiTest {

    private Api.Response send(String method, String path, Object body, String accept) {
        return api.send(method, path, "application/json", Api.toJson(body), Map.of("Accept", accept));
    }

    /** A change refused before it was made: the answer says what the service can send, and that. */
    private static void notAcceptable(Api.Response r) {
        assertThat(notAcceptableDetail(r))
                .contains("application/json")
                .endsWith("; nothing was changed: send it again with an Accept that allows application/json"
                        + " (or none)");
    }

    private static String notAcceptableDetail(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(406);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.json().get("detail").asString();
    }

    private long ticketsOf(String customer) {
        return api.get("/tickets?customer_id=" + customer).json().get("total").asLong();
    }

    private String created(TicketBody body) {
        Api.Response r = api.post("/tickets", body.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/csv", "text/html", "image/*", "not a media type"})
    void aNewTicketAskedForInAnotherTypeIsRefusedAndNotStored(String accept) {
        String customer = "accept-" + UUID.randomUUID();

        notAcceptable(send("POST", "/tickets", aTicket().withCustomer(customer).build(), accept));

        assertThat(ticketsOf(customer)).isZero();
    }

    /** Until 2026-11-28 JSON refused with q=0 was answered as if asked for: 200, or 201 and stored. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json;q=0",
                "application/json; q=0.000",
                "*/*, application/json;q=0",
                "application/*;q=0",
                "text/html, application/json;q=0"
            })
    void jsonRefusedWithQualityZeroIsNotAcceptableForAChangeOrARead(String accept) {
        String customer = "accept-" + UUID.randomUUID();
        String id = created(aTicket().withCustomer(customer));

        notAcceptable(send("POST", "/tickets", aTicket().withCustomer(customer).build(), accept));
        notAcceptable(send("PATCH", "/tickets/" + id, Map.of("status", "in_progress"), accept));

        assertThat(ticketsOf(customer)).isEqualTo(1);
        assertThat(api.get("/tickets/" + id).json().get("version").asInt()).isEqualTo(1);
        for (String read : new String[] {"/tickets/" + id, "/tickets?customer_id=" + customer}) {
            assertThat(notAcceptableDetail(api.send("GET", read, null, null, Map.of("Accept", accept))))
                    .isEqualTo("Not Acceptable: the answer is application/json, which the Accept header rules out;"
                            + " send an Accept that allows it (or none)");
        }
    }

    @Test
    void anApiKeyOrWebhookAskedForInXmlIsNotCreatedSoNoSecretIsLost() {
        String name = "accept-" + UUID.randomUUID();
        notAcceptable(send("POST", "/api-keys", Map.of("name", name, "role", "viewer"), "application/xml"));
        assertThat(api.get("/api-keys").body()).doesNotContain(name);

        String url = "http://93.184.215.14/" + name;
        notAcceptable(send(
                "POST",
                "/webhooks",
                Map.of("url", url, "events", java.util.List.of("ticket.created"), "enabled", false),
                "application/xml"));
        assertThat(api.get("/webhooks").body()).doesNotContain(name);
    }

    @Test
    void anUpdateACommentOrAClassificationAskedForAsTextChangesNothing() {
        String id = created(aTicket());

        notAcceptable(send("PATCH", "/tickets/" + id, Map.of("status", "in_progress"), "text/plain"));
        notAcceptable(
                send("PUT", "/tickets/" + id, aTicket().withSubject("Replaced").build(), "text/plain"));
        notAcceptable(send("POST", "/tickets/" + id + "/comments", Map.of("body", "hello"), "text/html"));
        notAcceptable(send("POST", "/tickets/" + id + "/classify", Map.of(), "text/html"));

        var ticket = api.get("/tickets/" + id).json();
        assertThat(ticket.get("version").asInt()).isEqualTo(1);
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("comment_count").asInt()).isZero();
        assertThat(api.get("/tickets/" + id + "/history").json()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/*",
                "application/*",
                "application/json",
                "application/json; charset=utf-8",
                "text/html, application/json;q=0.1",
                "text/html;q=0.9, */*;q=0.1",
                "application/problem+json",
                "text/html;q=0, */*",
                "application/json;q=0.001",
                "application/*;q=0, application/json"
            })
    void anAcceptThatAllowsJsonGetsTheAnswer(String accept) {
        String customer = "accept-" + UUID.randomUUID();

        Api.Response r =
                send("POST", "/tickets", aTicket().withCustomer(customer).build(), accept);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutABodyNeedsNoAcceptableType() {
        String id = created(aTicket());

        Api.Response r = api.send("DELETE", "/tickets/" + id, null, null, Map.of("Accept", "text/html"));

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(api.get("/tickets/" + id).status()).isEqualTo(404);
    }

    @Test
    void readsKeepTheirOwnNegotiation() {
        String id = created(aTicket());

        assertThat(notAcceptableDetail(
                        api.send("GET", "/tickets/" + id, null, null, Map.of("Accept", "application/xml"))))
                .isEqualTo("Not Acceptable: the answer is application/json, which the Accept header rules out;"
                        + " send an Accept that allows it (or none)");
        assertThat(notAcceptableDetail(
                        api.send("GET", "/tickets/" + id, null, null, Map.of("Accept", "not a media type"))))
                .isEqualTo("Not Acceptable: the Accept header is not a list of media types (RFC 9110);"
                        + " send a valid one (or none)");
        Api.Response csv = api.send("GET", "/tickets/export?format=csv", null, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        Api.Response allowed = api.send("GET", "/tickets/" + id, null, null, Map.of("Accept", "text/html;q=0, */*"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Content-Type")).startsWith("application/json");
    }
}
