package org.supportdesk.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/**
 * The door of security for the workspace (web/): the first-run setup, agent accounts and their
 * set-password links, and API keys, with roles as their labels (`viewer`, `agent`, `admin`). The
 * rules are the same as for `POST /api-keys`; problems come as {@link InvalidRequest}, on the
 * form's field names.
 */
@Service
public class Admin {

    private final AgentService agents;
    private final ApiKeyService keys;
    private final RateLimits limits;
    private final SignInThrottle throttle;

    Admin(AgentService agents, ApiKeyService keys, RateLimits limits, SignInThrottle throttle) {
        this.agents = agents;
        this.keys = keys;
        this.limits = limits;
        this.throttle = throttle;
    }

    /** An agent as the admin screen lists them. */
    public record AgentRow(
            UUID id, String email, String name, String role, boolean active, boolean hasPassword, Instant createdAt) {
        static AgentRow of(Agent a) {
            return new AgentRow(
                    a.id(), a.email(), a.name(), a.role().value(), a.active(), a.passwordHash() != null, a.createdAt());
        }
    }

    /** An API key as listed: never its secret. */
    public record KeyRow(UUID id, String name, String role, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {}

    /** A new key: {@code secret} is shown this once. */
    public record NewKey(UUID id, String name, String role, String secret) {}

    /** A new agent and the token of their one-time set-password link. */
    public record Invitation(AgentRow agent, String token) {}

    public static List<String> roles() {
        return List.of(Role.VIEWER.value(), Role.AGENT.value(), Role.ADMIN.value());
    }

    /** True until the first agent exists: the workspace then shows the setup page. */
    public boolean needsSetup() {
        return agents.noAgents();
    }

    /**
     * Creates the first admin, for whoever knows an admin API key (`data/admin.key` or
     * `SUPPORTDESK_ADMIN_KEY`); wrong keys are throttled as failed sign-ins are.
     */
    public AgentRow setUp(String adminKey, String email, String name, String password, String address) {
        long wait = throttle.waitSeconds("setup", address);
        if (wait > 0) {
            throw new InvalidRequest(
                    Problem.body("Too many wrong keys; try again in " + wait + " s", "throttled", "admin_key"));
        }
        boolean admin = adminKey != null
                && !adminKey.isBlank()
                && adminKey.trim().length() <= 256
                && keys.authenticate(adminKey.trim())
                        .filter(k -> k.role() == Role.ADMIN)
                        .isPresent();
        if (!admin) {
            throttle.failed("setup", address);
            throw new InvalidRequest(Problem.body(
                    "This is not an admin key: take the one in data/admin.key or SUPPORTDESK_ADMIN_KEY",
                    "value_error",
                    "admin_key"));
        }
        if (!agents.noAgents()) {
            throw new InvalidRequest(Problem.body("The workspace is set up already: sign in", "value_error"));
        }
        return AgentRow.of(agents.createWithPassword(email, name, Role.ADMIN, password));
    }

    public List<AgentRow> agents() {
        return agents.all().stream().map(AgentRow::of).toList();
    }

    public Invitation invite(String email, String name, String role) {
        AgentService.Invited invited = agents.invite(email, name, Role.parse(role));
        return new Invitation(AgentRow.of(invited.agent()), invited.token());
    }

    /** A new one-time link for an agent who forgot their password; earlier links stop working. */
    public String newLink(UUID agent) {
        return agents.newLink(agent);
    }

    public void deactivate(UUID agent) {
        agents.deactivate(agent);
    }

    /** The agent a set-password link is for, while it can be used. */
    public Optional<AgentRow> linkOwner(String token) {
        return agents.linkOwner(token).map(AgentRow::of);
    }

    public AgentRow setPassword(String token, String password) {
        return AgentRow.of(agents.setPassword(token, password));
    }

    public List<KeyRow> keys() {
        return keys.list().stream()
                .map(k -> new KeyRow(k.id(), k.name(), k.role().value(), k.createdAt(), k.revokedAt(), k.lastUsedAt()))
                .toList();
    }

    public NewKey createKey(String name, String role) {
        var problems = new ArrayList<Problem>();
        String clean = Names.clean(name == null ? "" : name, "name", problems);
        if (clean.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.body("Field required", "missing", "name"));
        }
        Role parsed = Role.parse(role);
        if (parsed == null) {
            problems.add(Problem.body("Input should be 'viewer', 'agent' or 'admin'", "enum", "role"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        ApiKey.Created created = keys.create(clean, parsed);
        return new NewKey(created.id(), created.name(), parsed.value(), created.key());
    }

    public void revokeKey(UUID id) {
        keys.revoke(id);
        limits.forget(id);
    }
}
