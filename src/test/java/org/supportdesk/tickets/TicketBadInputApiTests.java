package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import tools.jackson.databind.JsonNode;

/**
 * Bodies the ticket API refuses, over real HTTP: every validation problem at once, malformed,
 * compressed, oversize or empty bodies, NUL characters and lone surrogates.
 */
class TicketBadInputApiTests extends TicketApiTest {

    @Test
    void reportsEveryValidationProblemAtOnceWithJsonNames() {
        Api.Response response = api.post(
                "/tickets",
                aTicket()
                        .without("customer_id")
                        .withEmail("not-an-email")
                        .withDescription("short")
                        .with("priorty", "high")
                        .with("category", "billing")
                        .with("tags", List.of("ok", 7))
                        .build());

        assertThat(response.status()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        response.json().get("detail").forEach(p -> {
            locs.add(p.get("loc").toString());
            assertThat(p.get("msg").asString()).isNotBlank();
            assertThat(p.get("type").asString()).isNotBlank();
        });
        assertThat(locs)
                .containsExactlyInAnyOrder(
                        "[\"body\",\"customer_id\"]",
                        "[\"body\",\"customer_email\"]",
                        "[\"body\",\"description\"]",
                        "[\"body\",\"priorty\"]",
                        "[\"body\",\"category\"]",
                        "[\"body\",\"tags\",1]");
    }

    @Test
    void refusesMalformedJsonWith400() {
        Api.Response response = api.send("POST", "/tickets", "application/json", "{\"subject\": ", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Malformed JSON body");
    }

    @Test
    void refusesWrongContentTypeWith415() {
        Api.Response response = api.send("POST", "/tickets", "text/plain", "hello", Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).contains("application/json");
    }

    @Test
    void refusesACompressedBodyWith415RatherThanParsingItsBytes() {
        Api.Response gzip =
                api.send("POST", "/tickets", "application/json", "\u001f\u008b", Map.of("Content-Encoding", "gzip"));
        Api.Response identity = api.send(
                "POST",
                "/tickets",
                "application/json",
                Api.toJson(aTicket().build()),
                Map.of("Content-Encoding", "identity"));

        assertThat(gzip.status()).isEqualTo(415);
        assertThat(gzip.json().get("detail").asString()).contains("Content-Encoding");
        assertThat(identity.status()).as(identity.body()).isEqualTo(201);
    }

    @Test
    void refusesOversizeBodyWith413() {
        String huge = "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Api.Response response = api.send("POST", "/tickets", "application/json", huge, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("limit");
    }

    @Test
    void aNulCharacterIsRefusedInFieldsAndMatchesNothingInFilters() {
        // PostgreSQL cannot store U+0000 in text; both databases refuse it alike.
        Api.Response response = api.post(
                "/tickets",
                aTicket()
                        .withSubject("Export\u0000broken")
                        .withTags("ok", "a\u0000b")
                        .build());

        assertThat(response.status()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        response.json().get("detail").forEach(p -> locs.add(p.get("loc").toString()));
        assertThat(locs).containsExactly("[\"body\",\"subject\"]", "[\"body\",\"tags\",1]");
        assertThat(api.get("/tickets?customer_id=a%00b").json().get("total").asLong())
                .isZero();
        assertThat(api.get("/tickets/stats?tag=a%00b").json().get("total").asLong())
                .isZero();
    }

    /** A body whose strings are written as JSON escapes, as they are: `\\ud800` stays an escape. */
    private Api.Response send(String method, String path, String json) {
        return api.send(method, path, "application/json", json, Map.of());
    }

    private static String bodyWith(String subject, String tag, String browser) {
        return "{\"customer_id\": \"cust-" + UUID.randomUUID()
                + "\", \"customer_email\": \"ann@example.com\", \"customer_name\": \"Ann\", \"subject\": \""
                + subject + "\", \"description\": \"The export button does nothing.\", \"tags\": [\"" + tag
                + "\"], \"metadata\": {\"browser\": \"" + browser + "\"}}";
    }

    @Test
    void loneSurrogatesAreRefusedOnCreateReplaceAndPatchNotStoredAsQuestionMarks() {
        Api.Response created = send("POST", "/tickets", bodyWith("ab\\ud800cd", "x\\udc00", "Firefox \\udbff"));

        assertThat(created.status()).as(created.body()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        created.json().get("detail").forEach(p -> {
            locs.add(p.get("loc").toString());
            assertThat(p.get("type").asString()).isEqualTo("string_unicode");
        });
        assertThat(locs)
                .containsExactly(
                        "[\"body\",\"subject\"]", "[\"body\",\"tags\",0]", "[\"body\",\"metadata\",\"browser\"]");
        JsonNode t = create(aTicket().build());
        String path = "/tickets/" + t.get("id").asString();
        assertThat(send("PUT", path, bodyWith("ab\\ud800cd", "ok", "ok")).status())
                .isEqualTo(422);
        Api.Response patched = send("PATCH", path, "{\"assigned_to\": \"maria\\ude00\"}");
        assertThat(patched.status()).isEqualTo(422);
        assertThat(patched.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"assigned_to\"]");
        assertThat(api.get(path).json()).isEqualTo(t);
    }

    @Test
    void surrogatePairsAreStoredAndReadBackExactly() {
        JsonNode created = create(aTicket()
                .withSubject("Export broken \ud83d\ude00")
                .withTags("\ud83d\udd25 hot")
                .build());

        JsonNode read = api.get("/tickets/" + created.get("id").asString()).json();

        assertThat(read.get("subject").asString()).isEqualTo("Export broken \ud83d\ude00");
        assertThat(read.get("tags").get(0).asString()).isEqualTo("\ud83d\udd25 hot");
        assertThat(read).isEqualTo(created);
    }

    @Test
    void refusesEmptyBodyAndNonObjectBodyWith422() {
        assertThat(api.send("POST", "/tickets", "application/json", "", Map.of())
                        .status())
                .isEqualTo(422);
        Api.Response array = api.send("POST", "/tickets", "application/json", "[1,2]", Map.of());
        assertThat(array.status()).isEqualTo(422);
        assertThat(array.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\"]");
    }
}
