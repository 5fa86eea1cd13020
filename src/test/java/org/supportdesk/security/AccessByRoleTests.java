package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.security.AccessEndpoints.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.supportdesk.Api;
import org.supportdesk.security.AccessEndpoints.Endpoint;

/**
 * Every endpoint, called with no key, a wrong key, a revoked key and a key of each role: the exact
 * status each gets; and no endpoint without a rule, no path trick that reaches more.
 */
class AccessByRoleTests extends AccessTest {

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
