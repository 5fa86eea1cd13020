package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;

/**
 * Every endpoint, called with no key, a wrong key, a revoked key and a key of each role: the exact
 * status each gets.
 */
class AccessMatrixTests extends ApiTest {

    enum Caller {
        NO_KEY,
        WRONG_KEY,
        REVOKED_KEY,
        VIEWER,
        AGENT,
        ADMIN
    }

    /** One endpoint: how to call it (on fresh data where it destroys something), who may, what it answers. */
    record Endpoint(String name, Role role, int success, Function<Api, Api.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<Caller, String> SECRETS = new EnumMap<>(Caller.class);

    @BeforeEach
    void keys() {
        if (SECRETS.isEmpty()) {
            SECRETS.put(Caller.WRONG_KEY, "sd_" + "x".repeat(43));
            SECRETS.put(Caller.REVOKED_KEY, SecurityFixtures.revokedSecret(api));
            SECRETS.put(Caller.VIEWER, SecurityFixtures.secretOf(api, "viewer"));
            SECRETS.put(Caller.AGENT, SecurityFixtures.secretOf(api, "agent"));
            SECRETS.put(Caller.ADMIN, SecurityFixtures.secretOf(api, "admin"));
        }
    }

    private Api as(Caller caller) {
        return api.withKey(SECRETS.get(caller));
    }

    private static final String CSV = "customer_id,customer_email,customer_name,subject,description\n"
            + "matrix,a@example.com,Ann,Printer jam,The printer jams on every page\n";
    private static final String JSON_FILE = "[{\"customer_id\":\"matrix\",\"customer_email\":\"a@example.com\","
            + "\"customer_name\":\"Ann\",\"subject\":\"Printer jam\",\"description\":\"The printer jams on every page\"}]";
    private static final String XML = "<tickets><ticket><customer_id>matrix</customer_id>"
            + "<customer_email>a@example.com</customer_email><customer_name>Ann</customer_name>"
            + "<subject>Printer jam</subject><description>The printer jams on every page</description>"
            + "</ticket></tickets>";

    /** Ticket ids and key ids made with the test admin key, so the caller's rights alone decide. */
    private static Api admin(Api caller) {
        return caller.withKey(Api.ADMIN_KEY);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /tickets", Role.VIEWER, 200, a -> a.get("/tickets?limit=1")),
                new Endpoint("GET /tickets/{id}", Role.VIEWER, 200, a -> a.get("/tickets/" + ticket(a))),
                new Endpoint(
                        "GET /tickets/{id}/history",
                        Role.VIEWER,
                        200,
                        a -> a.get("/tickets/" + ticket(a) + "/history")),
                new Endpoint("GET /tickets/stats", Role.VIEWER, 200, a -> a.get("/tickets/stats")),
                new Endpoint(
                        "GET /tickets/{id}/comments",
                        Role.VIEWER,
                        200,
                        a -> a.get("/tickets/" + ticket(a) + "/comments")),
                new Endpoint(
                        "GET /tickets/{id}/comments/{commentId}",
                        Role.VIEWER,
                        200,
                        a -> a.get(SecurityFixtures.commentPath(admin(a)))),
                new Endpoint(
                        "GET /attachments/{id}",
                        Role.VIEWER,
                        200,
                        a -> a.get(SecurityFixtures.attachmentUrl(admin(a)))),
                new Endpoint(
                        "POST /tickets/{id}/comments",
                        Role.AGENT,
                        201,
                        a -> a.post("/tickets/" + ticket(a) + "/comments", Map.of("body", "hello"))),
                new Endpoint(
                        "POST /tickets/{id}/comments (multipart)",
                        Role.AGENT,
                        201,
                        a -> Multipart.form().field("body", "hello").sendTo(a, "/tickets/" + ticket(a) + "/comments")),
                new Endpoint(
                        "PATCH /tickets/{id}/comments/{commentId}",
                        Role.AGENT,
                        200,
                        a -> a.patch(SecurityFixtures.commentPath(admin(a)), Map.of("body", "edited"))),
                new Endpoint(
                        "DELETE /tickets/{id}/comments/{commentId}",
                        Role.ADMIN,
                        204,
                        a -> a.delete(SecurityFixtures.commentPath(admin(a)))),
                new Endpoint(
                        "POST /tickets/{id}/merge",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/merge", Map.of("source_ids", List.of(ticket(a))))),
                new Endpoint(
                        "POST /tickets",
                        Role.AGENT,
                        201,
                        a -> a.post("/tickets", aTicket().build())),
                new Endpoint(
                        "PATCH /tickets/{id}",
                        Role.AGENT,
                        200,
                        a -> a.patch("/tickets/" + ticket(a), Map.of("status", "in_progress"))),
                new Endpoint(
                        "PUT /tickets/{id}",
                        Role.AGENT,
                        200,
                        a -> a.put("/tickets/" + ticket(a), aTicket().build())),
                new Endpoint(
                        "POST /tickets/{id}/classify",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/classify", Map.of())),
                new Endpoint(
                        "POST /tickets/{id}/auto-classify",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/auto-classify", Map.of())),
                new Endpoint("DELETE /tickets/{id}", Role.ADMIN, 204, a -> a.delete("/tickets/" + ticket(a))),
                new Endpoint(
                        "POST /tickets/classify-all",
                        Role.ADMIN,
                        200,
                        a -> a.post("/tickets/classify-all?customer_id=nobody-" + UUID.randomUUID(), Map.of())),
                new Endpoint(
                        "POST /import/csv",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/csv?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /import/json",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/json?dry_run=true", "application/json", bytes(JSON_FILE))),
                new Endpoint(
                        "POST /import/xml",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/xml?dry_run=true", "application/xml", bytes(XML))),
                new Endpoint(
                        "POST /tickets/import",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/tickets/import?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /imports",
                        Role.ADMIN,
                        202,
                        a -> a.sendBytes("POST", "/imports?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /api-keys",
                        Role.ADMIN,
                        201,
                        a -> a.post("/api-keys", Map.of("name", "made-in-matrix", "role", "viewer"))),
                new Endpoint("GET /api-keys", Role.ADMIN, 200, a -> a.get("/api-keys")),
                new Endpoint("GET /classification/model", Role.VIEWER, 200, a -> a.get("/classification/model")),
                new Endpoint(
                        "GET /classification/model/jobs/{id}",
                        Role.VIEWER,
                        200,
                        a -> a.get("/classification/model/jobs/" + trainingJob(a))),
                new Endpoint(
                        "POST /classification/model/train",
                        Role.ADMIN,
                        202,
                        a -> a.post("/classification/model/train", Map.of())),
                new Endpoint("POST /webhooks", Role.ADMIN, 201, a -> a.post("/webhooks", aWebhook())),
                new Endpoint("GET /webhooks", Role.ADMIN, 200, a -> a.get("/webhooks")),
                new Endpoint("GET /webhooks/{id}", Role.ADMIN, 200, a -> a.get("/webhooks/" + webhook(a))),
                new Endpoint(
                        "PATCH /webhooks/{id}",
                        Role.ADMIN,
                        200,
                        a -> a.patch("/webhooks/" + webhook(a), Map.of("events", List.of("ticket.deleted")))),
                new Endpoint("DELETE /webhooks/{id}", Role.ADMIN, 204, a -> a.delete("/webhooks/" + webhook(a))),
                new Endpoint(
                        "GET /webhooks/{id}/deliveries",
                        Role.ADMIN,
                        200,
                        a -> a.get("/webhooks/" + webhook(a) + "/deliveries")),
                // No delivery to redeliver: an admin passes the rule and learns that (404).
                new Endpoint(
                        "POST /webhooks/{id}/deliveries/{delivery}/redeliver",
                        Role.ADMIN,
                        404,
                        a -> a.post(
                                "/webhooks/" + webhook(a) + "/deliveries/" + UUID.randomUUID() + "/redeliver",
                                Map.of())),
                new Endpoint(
                        "DELETE /api-keys/{id}",
                        Role.ADMIN,
                        204,
                        a -> a.delete("/api-keys/"
                                + SecurityFixtures.newKey(admin(a), "viewer")
                                        .get("id")
                                        .asString())));
    }

    /** A webhook that is never sent to: disabled (at example.com's address). */
    private static Map<String, Object> aWebhook() {
        return Map.of("url", "https://93.184.215.14/matrix", "events", List.of("ticket.created"), "enabled", false);
    }

    private static String webhook(Api caller) {
        return admin(caller).post("/webhooks", aWebhook()).json().get("id").asString();
    }

    private static String ticket(Api caller) {
        return SecurityFixtures.ticketId(admin(caller));
    }

    /** A training job's id (the shared test server's models never decide: ApiTest sets min-examples out of reach). */
    private static String trainingJob(Api caller) {
        return admin(caller)
                .post("/classification/model/train", Map.of())
                .json()
                .get("id")
                .asString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> matrix() {
        var rows = new ArrayList<Arguments>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                rows.add(Arguments.of(endpoint, caller, expected(endpoint, caller)));
            }
        }
        return rows.stream();
    }

    private static int expected(Endpoint endpoint, Caller caller) {
        return switch (caller) {
            case NO_KEY, WRONG_KEY, REVOKED_KEY -> 401;
            case VIEWER -> Role.VIEWER.includes(endpoint.role()) ? endpoint.success() : 403;
            case AGENT -> Role.AGENT.includes(endpoint.role()) ? endpoint.success() : 403;
            case ADMIN -> endpoint.success();
        };
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachCallerWithTheExactStatus(Endpoint endpoint, Caller caller, int status) {
        Api.Response response = endpoint.call().apply(as(caller));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.json().get("detail").asString()).isEqualTo(AuthFilter.UNAUTHORIZED);
        }
        if (status == 403) {
            assertThat(response.json().get("detail").asString())
                    .contains("needs " + endpoint.role().value());
        }
    }

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

    @Test
    void optionsNeedsTheRoleThePathsMethodsNeed() {
        assertThat(as(Caller.VIEWER)
                        .send("OPTIONS", "/tickets", null, null, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(as(Caller.VIEWER)
                        .send("OPTIONS", "/api-keys", null, null, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(as(Caller.AGENT)
                        .send("OPTIONS", "/webhooks", null, null, Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void pathTricksDoNotReachTheKeyListWithALesserKey() {
        Api viewer = as(Caller.VIEWER);
        for (String path : List.of(
                "/api-keys;a=b",
                "/api-keys/",
                "//api-keys",
                "/tickets/../api-keys",
                "/docs/../api-keys",
                "/API-KEYS")) {
            Api.Response r = viewer.get(path);
            assertThat(r.status()).as(path).isNotEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("created_at");
        }
    }

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheServiceHasARule() {
        var missing = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                // The workspace's pages are Spring Security's (WorkspaceSecurity, WorkspaceSecurityTests).
                if (AccessRules.isPublic(PathContainer.parsePath(path))
                        || AccessRules.isWorkspace(PathContainer.parsePath(path))
                        || pattern.equals("/error")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods) {
                    if (!AccessRules.rules()
                            .contains(AccessRules.ruleFor(method.name(), PathContainer.parsePath(path)))) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }
}
