package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.RawHttp;
import tools.jackson.databind.JsonNode;

/** Query strings that are not percent-encoded UTF-8: a 4xx naming the parameter, never a 500. */
@ExtendWith(OutputCaptureExtension.class)
class QueryStringTests extends ApiTest {

    /** Every endpoint that takes query parameters, with one such query appended. */
    private List<Api.Response> everywhere(String query) {
        List<Function<Api, Api.Response>> calls = List.of(
                a -> a.get("/tickets?" + query),
                a -> a.get("/tickets/stats?" + query),
                a -> a.get("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6?" + query),
                a -> a.get("/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6/history?" + query),
                a -> a.post("/tickets/classify-all?" + query, Map.of()),
                a -> a.post("/tickets?" + query, Map.of()),
                a -> a.sendBytes(
                        "POST", "/import/csv?" + query, "text/csv", "customer_id\n".getBytes(StandardCharsets.UTF_8)),
                a -> a.get("/api-keys?" + query),
                a -> a.get("/health?" + query));
        var responses = new ArrayList<Api.Response>();
        calls.forEach(call -> responses.add(call.apply(api)));
        return responses;
    }

    private static List<String> locs(Api.Response response) {
        var locs = new ArrayList<String>();
        for (JsonNode problem : response.json().get("detail")) {
            locs.add(problem.get("loc").toString() + " " + problem.get("type").asString());
        }
        return locs;
    }

    @Test
    void invalidUtf8InAnyQueryValueIs422OnThatParameter() {
        assertThat(everywhere("foo=%FF")).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(locs(r)).containsExactly("[\"query\",\"foo\"] string_unicode");
        });
    }

    @Test
    void anEncodedLoneSurrogateOrOverlongOrOutOfRangeSequenceIs422() {
        Api.Response response = api.get("/tickets?tag=%ED%A0%80&customer_id=%C0%80&assigned_to=%F4%90%80%80&limit=5");

        assertThat(response.status()).isEqualTo(422);
        assertThat(locs(response))
                .containsExactly(
                        "[\"query\",\"tag\"] string_unicode",
                        "[\"query\",\"customer_id\"] string_unicode",
                        "[\"query\",\"assigned_to\"] string_unicode");
    }

    @Test
    void aBrokenEscapeIs422AndANameThatIsNotUtf8Is400() {
        // java.net.URI refuses a broken escape: sent over a socket.
        RawHttp.Response brokenEscape =
                RawHttp.get(port, "GET /tickets?limit=%zz&tag=%4 HTTP/1.1", "Authorization: Bearer " + Api.ADMIN_KEY);
        Api.Response badName = api.get("/tickets/stats?%FF=1");

        assertThat(brokenEscape.status()).isEqualTo(422);
        assertThat(brokenEscape.json().get("detail").findValuesAsString("type")).containsOnly("string_unicode");
        assertThat(brokenEscape.body()).contains("[\"query\",\"limit\"]", "[\"query\",\"tag\"]");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("detail").asString()).contains("not valid percent-encoded UTF-8");
    }

    @Test
    void validPercentEncodedUtf8StillWorks() {
        String customer = "caf%C3%A9+%F0%9F%98%80-" + System.nanoTime();

        Api.Response list = api.get("/tickets?customer_id=" + customer);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isZero();
    }

    @Test
    void aFormBodyThatIsNotUtf8IsNeverA5xx() {
        String ticket = "/tickets/3fa85f64-5717-4562-b3fc-2c963f66afa6";
        String form = "application/x-www-form-urlencoded";
        List<Api.Response> responses = new ArrayList<>();
        for (String body : List.of("customer_id=%FF", "x=%zz")) {
            responses.add(api.send("POST", "/tickets/classify-all", form, body, Map.of()));
            responses.add(api.send("POST", "/import/csv", form, body, Map.of()));
            responses.add(api.send("PUT", ticket, form, body, Map.of()));
            responses.add(api.send("PATCH", ticket, form, body, Map.of()));
            responses.add(api.send("DELETE", ticket, form, body, Map.of()));
        }

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.json().has("detail")).isTrue();
        });
    }

    @Test
    void withoutAValidKeyTheAnswerIsStill401() {
        assertThat(api.withKey(null).get("/tickets?foo=%FF").status()).isEqualTo(401);
    }

    @Test
    void queryValuesThatCannotBeDecodedNeverReachTheLog(CapturedOutput output) {
        String secret = "leak-" + System.nanoTime() + "@example.com";

        everywhere("customer_email=" + secret + "%FF&key=sd_" + secret + "%ED%A0%80");

        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aNulInAnyQueryValueIsNeverA5xx() {
        for (String name : List.of(
                "category",
                "priority",
                "status",
                "assigned_to",
                "customer_id",
                "tag",
                "created_after",
                "created_before",
                "sort",
                "order",
                "limit",
                "cursor",
                "auto_classify",
                "dry_run",
                "foo")) {
            assertThat(everywhere(name + "=a%00b")).allSatisfy(r -> {
                assertThat(r.status()).as(name + ": " + r.body()).isLessThan(500);
                assertThat(r.header("Content-Type")).startsWith("application/json");
            });
        }
    }

    @Test
    void moreParametersThanTomcatReadsIsA400ThatSaysSoNotOneAboutUtf8() {
        // Tomcat reads at most server.tomcat.max-parameter-count (2000) parameters and refuses the
        // request beyond; until 2026-11-28 the answer said the query was not valid UTF-8.
        String many = "x&".repeat(2000);

        assertThat(everywhere(many + "limit=5")).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).isEqualTo("Too many query parameters: at most 2000 are read");
        });
        // Empty chunks (&&) are no parameters, to Tomcat as here.
        Api.Response within = api.get("/tickets?" + "x&&".repeat(1998) + "limit=5");
        assertThat(within.status()).as(within.body()).isEqualTo(200);
    }
}
