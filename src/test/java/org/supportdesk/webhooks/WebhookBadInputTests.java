package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Text a webhook would store changed (a lone surrogate, NUL, a control character) is refused, not
 * altered; null is no value in a patch; lengths count characters. Webhooks are registered disabled
 * at example.com's address, so nothing is sent.
 */
class WebhookBadInputTests extends ApiTest {

    private static final String URL = "http://93.184.215.14/hook";

    @AfterEach
    void removeWebhooks() {
        for (JsonNode w : api.get("/webhooks").json()) {
            api.delete("/webhooks/" + w.get("id").asString());
        }
    }

    /** {@code fields} is JSON text, so that escapes such as `\ud800` reach the service as written. */
    private Api.Response postJson(String fields) {
        return api.send(
                "POST",
                "/webhooks",
                "application/json",
                "{\"events\": [\"ticket.created\"], \"enabled\": false, " + fields + "}",
                Map.of());
    }

    private String registered() {
        Api.Response r = postJson("\"url\": \"" + URL + "\"");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Each problem as `loc type`. */
    private static List<String> problems(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        var problems = new ArrayList<String>();
        for (JsonNode p : r.json().get("detail")) {
            problems.add(p.get("loc").toString() + " " + p.get("type").asString());
        }
        return problems;
    }

    @Test
    void aLoneSurrogateOrNulInTheUrlOrSecretIsRefusedAsInATicket() {
        String secret = "\"secret\": \"0123456789abcdef";
        assertThat(problems(postJson("\"url\": \"http://93.184.215.14/a\\ud800b\"")))
                .containsExactly("[\"body\",\"url\"] string_unicode");
        assertThat(problems(postJson("\"url\": \"http://93.184.215.14/a\\u0000\"")))
                .containsExactly("[\"body\",\"url\"] string_nul");
        assertThat(problems(postJson("\"url\": \"" + URL + "\", " + secret + "\\udc00\"")))
                .containsExactly("[\"body\",\"secret\"] string_unicode");
        assertThat(problems(postJson("\"url\": \"" + URL + "\", " + secret + "\\u0000\"")))
                .containsExactly("[\"body\",\"secret\"] string_nul");
        String id = registered();
        Api.Response patch = api.send(
                "PATCH", "/webhooks/" + id, "application/json", "{\"secret\": \"0123456789abcdef\\ud800\"}", Map.of());
        assertThat(problems(patch)).containsExactly("[\"body\",\"secret\"] string_unicode");
        assertThat(api.get("/webhooks").json()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\t", "\\n"})
    void aControlCharacterInTheUrlIsRefusedNotStripped(String control) {
        assertThat(problems(postJson("\"url\": \"" + URL + control + "\"")))
                .containsExactly("[\"body\",\"url\"] url_parsing");
        assertThat(problems(postJson("\"url\": \"" + control + URL + "\"")))
                .containsExactly("[\"body\",\"url\"] url_parsing");
        String id = registered();
        Api.Response patch = api.send(
                "PATCH", "/webhooks/" + id, "application/json", "{\"url\": \"" + URL + control + "\"}", Map.of());
        assertThat(problems(patch)).containsExactly("[\"body\",\"url\"] url_parsing");
        assertThat(api.get("/webhooks/" + id).json().get("url").asString()).isEqualTo(URL);
    }

    @Test
    void aSecretIsKeptExactlyAsGivenOrRefused() {
        assertThat(problems(postJson("\"url\": \"" + URL + "\", \"secret\": \" 0123456789abcdef\"")))
                .containsExactly("[\"body\",\"secret\"] value_error");
        assertThat(problems(postJson("\"url\": \"" + URL + "\", \"secret\": \"0123456789abcdef\\u0001\"")))
                .containsExactly("[\"body\",\"secret\"] value_error");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        Api.Response longest = api.post(
                "/webhooks",
                Map.of(
                        "url",
                        URL,
                        "events",
                        List.of("ticket.created"),
                        "enabled",
                        false,
                        "secret",
                        emoji.repeat(WebhookInput.MAX_SECRET)));
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);
        assertThat(longest.json().get("secret").asString()).isEqualTo(emoji.repeat(WebhookInput.MAX_SECRET));
        Api.Response tooShort = api.post(
                "/webhooks", Map.of("url", URL, "events", List.of("ticket.created"), "secret", emoji.repeat(8)));
        assertThat(problems(tooShort)).containsExactly("[\"body\",\"secret\"] string_too_short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "events", "secret", "enabled"})
    void nullIsNoValueInAPatch(String field) {
        String id = registered();
        JsonNode before = api.get("/webhooks/" + id).json();

        Api.Response r =
                api.send("PATCH", "/webhooks/" + id, "application/json", "{\"" + field + "\": null}", Map.of());

        assertThat(problems(r)).hasSize(1).allMatch(p -> p.startsWith("[\"body\",\"" + field + "\"] "));
        assertThat(r.json().get("detail").get(0).get("type").asString()).isIn("string_type", "list_type", "bool_type");
        assertThat(api.get("/webhooks/" + id).json()).isEqualTo(before);
    }

    @Test
    void nullMeansTheDefaultOnlyForANewWebhooksOptionalFields() {
        Api.Response created = postJson("\"url\": \"" + URL + "\", \"secret\": null");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        assertThat(problems(api.send(
                        "POST", "/webhooks", "application/json", "{\"url\": null, \"events\": null}", Map.of())))
                .containsExactly("[\"body\",\"url\"] string_type", "[\"body\",\"events\"] list_type");
    }

    @Test
    void aDeliveryLimitOutOfRangeIsSaidToBeOutOfRange() {
        String id = registered();
        String path = "/webhooks/" + id + "/deliveries?limit=";

        assertThat(problems(api.get(path + "0"))).containsExactly("[\"query\",\"limit\"] greater_than_equal");
        assertThat(problems(api.get(path + "-1"))).containsExactly("[\"query\",\"limit\"] greater_than_equal");
        assertThat(problems(api.get(path + "201"))).containsExactly("[\"query\",\"limit\"] less_than_equal");
        assertThat(problems(api.get(path + "ten"))).containsExactly("[\"query\",\"limit\"] int_parsing");
        assertThat(api.get(path + "0").json().get("detail").get(0).get("msg").asString())
                .isEqualTo("Input should be between 1 and 200");
        assertThat(api.get(path + "200").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14:0/hook", "http://93.184.215.14:65536/hook"})
    void anInvalidPortIsRefused(String url) {
        assertThat(problems(postJson("\"url\": \"" + url + "\""))).containsExactly("[\"body\",\"url\"] url_scheme");
    }

    @Test
    void aHostNameInAnotherScriptIsAskedForInItsAsciiForm() {
        Api.Response r = postJson("\"url\": \"https://bücher.example/hook\"");

        assertThat(problems(r)).containsExactly("[\"body\",\"url\"] url_scheme");
        assertThat(r.json().get("detail").get(0).get("msg").asString()).contains("ASCII", "xn--bcher-kva.example");
    }

    @Test
    void aRedeliveryOfADeliveryIdThatIsNoUuidNamesThatPathParameter() {
        String id = registered();

        assertThat(problems(api.post("/webhooks/" + id + "/deliveries/not-a-uuid/redeliver", Map.of())))
                .containsExactly("[\"path\",\"delivery\"] uuid_parsing");
        assertThat(problems(api.post("/webhooks/not-a-uuid/deliveries/not-a-uuid/redeliver", Map.of())))
                .containsExactly("[\"path\",\"id\"] uuid_parsing");
    }
}
