package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.Api;

/**
 * How keys are read and what a caller learns without the right one: the open paths, the key's
 * headers, the same answer to every bad key, unknown paths and methods, and OPTIONS.
 */
class AccessKeysAndRoutesTests extends AccessTest {

    @ParameterizedTest(name = "{0} is open to {1}")
    @MethodSource("publicMatrix")
    void healthAndTheApiDescriptionNeedNoKey(String path, Caller caller, int status) {
        assertThat(as(caller).get(path).status()).isEqualTo(status);
    }

    static Stream<Arguments> publicMatrix() {
        var rows = new ArrayList<Arguments>();
        for (Caller caller : Caller.values()) {
            rows.add(Arguments.of("/health", caller, 200));
            rows.add(Arguments.of("/openapi.json", caller, 200));
            rows.add(Arguments.of("/docs", caller, 302));
            rows.add(Arguments.of("/swagger-ui/index.html", caller, 200));
        }
        return rows.stream();
    }

    @Test
    void theKeyMayAlsoComeInXApiKey() {
        Api anonymous = api.withKey(null);

        Api.Response viaHeader =
                anonymous.send("GET", "/tickets?limit=1", null, null, Map.of("X-API-Key", SECRETS.get(Caller.VIEWER)));
        Api.Response lowercaseScheme = anonymous.send(
                "GET", "/tickets?limit=1", null, null, Map.of("Authorization", "bearer " + SECRETS.get(Caller.VIEWER)));

        assertThat(viaHeader.status()).isEqualTo(200);
        assertThat(lowercaseScheme.status()).isEqualTo(200);
    }

    @Test
    void missingWrongAndRevokedKeysGetTheSameAnswer() {
        List<String> bodies = Stream.of(Caller.NO_KEY, Caller.WRONG_KEY, Caller.REVOKED_KEY)
                .map(c -> as(c).get("/tickets").body())
                .toList();
        Api.Response basic =
                api.withKey(null).send("GET", "/tickets", null, null, Map.of("Authorization", "Basic YTpi"));

        assertThat(bodies).containsOnly("{\"detail\":\"" + AuthFilter.UNAUTHORIZED + "\"}");
        assertThat(basic.body()).isEqualTo(bodies.get(0));
    }

    static Stream<Arguments> unknownRoutes() {
        var rows = new ArrayList<Arguments>();
        for (Caller caller : Caller.values()) {
            boolean valid = caller == Caller.VIEWER || caller == Caller.AGENT || caller == Caller.ADMIN;
            for (String path : List.of("/nowhere", "/error", "/tickets/a/b/c", "/api-keys/", "/docs/../nowhere")) {
                rows.add(Arguments.of("GET", path, caller, valid ? 404 : 401));
            }
            rows.add(Arguments.of("PUT", "/tickets", caller, valid ? 405 : 401));
            rows.add(Arguments.of("DELETE", "/api-keys", caller, valid ? 405 : 401));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
    @MethodSource("unknownRoutes")
    void unknownPathsAndMethodsAnswerEveryValidKeyAlike(String method, String path, Caller caller, int status) {
        Api.Response response = as(caller).send(method, path, null, null, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        String detail = response.json().get("detail").asString();
        switch (status) {
            case 404 -> assertThat(detail).isEqualTo("Not Found");
            case 405 -> {
                assertThat(detail).isEqualTo("Method Not Allowed");
                assertThat(response.header("Allow")).contains("GET");
            }
            default -> assertThat(detail).isEqualTo(AuthFilter.UNAUTHORIZED);
        }
    }

    @ParameterizedTest(name = "DELETE {0}")
    @ValueSource(strings = {"/", "/health", "/openapi.json", "/docs"})
    void aWrongMethodOnAnOpenPathSaysWhichMethodsItTakes(String path) {
        Api.Response response = as(Caller.ADMIN).send("DELETE", path, null, null, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(405);
        assertThat(response.json().get("detail").asString()).isEqualTo("Method Not Allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @ParameterizedTest(name = "OPTIONS {0} -> {1}")
    @CsvSource({
        "/tickets, GET POST",
        "/webhooks, GET POST",
        "/api-keys, GET POST",
        "/imports, POST",
        "/tickets/classify-all, POST",
        "/classification/model/train, POST",
        "/tickets/0b6a3a1e-6f1c-4d36-9d8e-3c1f7a2b9e10/merge, POST",
        "/webhooks/0b6a3a1e-6f1c-4d36-9d8e-3c1f7a2b9e10, PATCH DELETE"
    })
    void optionsSaysWhichMethodsEveryPathTakes(String path, String methods) {
        Api.Response response = as(Caller.ADMIN).send("OPTIONS", path, null, null, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Allow")).contains(methods.split(" "));
    }
}
