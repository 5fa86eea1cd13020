package org.supportdesk.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/** Key management, for admin keys: create (the secret is shown this once), list, revoke. */
@RestController
@RequestMapping("/api-keys")
class ApiKeyController {

    private static final Set<String> FIELDS = Set.of("name", "role");

    private final ApiKeyService keys;
    private final RateLimits limits;

    ApiKeyController(ApiKeyService keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /** The body of `POST /api-keys`. */
    record NewKey(String name, Role role) {}

    @Operation(summary = "Create an API key; the answer is the only time its secret `key` is shown")
    @PostMapping(consumes = "application/json")
    ResponseEntity<ApiKey.Created> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = NewKey.class)))
                    @RequestBody(required = false)
                    JsonNode body) {
        NewKey input = bind(body);
        ApiKey.Created created = keys.create(input.name(), input.role());
        return ResponseEntity.created(URI.create("/api-keys/" + created.id())).body(created);
    }

    @Operation(summary = "Every key, revoked ones too, without secrets")
    @GetMapping
    List<ApiKey> list() {
        return keys.list();
    }

    @Operation(summary = "Revoke a key: it stops working at once on this instance, within the key cache TTL on others")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        var key = Params.id(id);
        keys.revoke(key);
        limits.forget(key);
        return ResponseEntity.noContent().build();
    }

    static NewKey bind(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequest(new Problem(List.of("body"), "Field required", "missing"));
        }
        if (!body.isObject()) {
            throw new InvalidRequest(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
        var problems = new ArrayList<Problem>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", field));
            }
        }
        String name = null;
        JsonNode nameNode = body.get("name");
        if (nameNode == null || nameNode.isNull()) {
            problems.add(Problem.body("Field required", "missing", "name"));
        } else if (!nameNode.isString()) {
            problems.add(Problem.body("Input should be a valid string", "string_type", "name"));
        } else {
            int before = problems.size();
            name = Names.clean(nameNode.asString(), "name", problems);
            if (name.isEmpty() && problems.size() == before) {
                problems.add(Problem.body("String should have at least 1 character", "string_too_short", "name"));
            }
        }
        Role role = null;
        JsonNode roleNode = body.get("role");
        if (roleNode == null || roleNode.isNull()) {
            problems.add(Problem.body("Field required", "missing", "role"));
        } else {
            role = roleNode.isString() ? Role.parse(roleNode.asString()) : null;
            if (role == null) {
                problems.add(Problem.body("Input should be 'viewer', 'agent' or 'admin'", "enum", "role"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new NewKey(name, role);
    }
}
