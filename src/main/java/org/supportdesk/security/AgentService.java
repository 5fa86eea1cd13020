package org.supportdesk.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Database;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;

/**
 * Agent accounts: created by an admin (or by the first-run setup), a password set through a
 * one-time link, signed in with email and password, deactivated. Passwords are hashed with BCrypt
 * (Spring Security's encoder); the links' tokens are random and only their SHA-256 is stored.
 */
@Service
class AgentService {

    static final Duration LINK_VALID = Duration.ofDays(7);
    // Sessions are checked against the agent on every request; a deactivation or a new password
    // reaches other instances within this time.
    private static final long CACHE_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Agents agents;
    private final Database db;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();
    private volatile boolean anyAgent;
    private volatile String dummyHash;

    private record Cached(Agent agent, long until) {}

    /** A new agent and the token of their set-password link, shown once. */
    record Invited(Agent agent, String token) {}

    AgentService(Agents agents, Database db, PasswordEncoder encoder, Clock clock) {
        this.agents = agents;
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    boolean noAgents() {
        if (anyAgent) {
            return false;
        }
        anyAgent = agents.count() > 0;
        return !anyAgent;
    }

    List<Agent> all() {
        return agents.all();
    }

    /** The agent, read at most every few seconds: every signed-in request asks. */
    Optional<Agent> find(UUID id) {
        long now = clock.millis();
        Cached cached = cache.get(id);
        if (cached == null || cached.until() <= now) {
            Agent agent = agents.byId(id).orElse(null);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cached = new Cached(agent, now + CACHE_MILLIS);
            cache.put(id, cached);
        }
        return Optional.ofNullable(cached.agent());
    }

    Optional<Agent> byEmail(String email) {
        // No account has an address the databases cannot store (agents' emails are checked so),
        // and PostgreSQL refuses a NUL even in a query: such a sign-in is simply a wrong one.
        return email == null || StorableText.check(email) != null
                ? Optional.empty()
                : agents.byEmail(AgentInput.normal(email));
    }

    boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    /** Spends the time a password check takes, so an unknown email answers no faster than a known one. */
    void wasteTime(String password) {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode("not anyone's password");
            dummyHash = hash;
        }
        encoder.matches(password == null ? "" : password, hash);
    }

    /** The first admin, with a password, from the setup page. */
    Agent createWithPassword(String email, String name, Role role, String password) {
        var problems = new ArrayList<Problem>();
        String cleanEmail = AgentInput.email(email, problems);
        String cleanName = AgentInput.name(name, problems);
        AgentInput.checkPassword(password, problems);
        AgentInput.fail(problems);
        var agent = new Agent(UUID.randomUUID(), cleanEmail, cleanName, role, encoder.encode(password), 0, now(), null);
        insert(agent, () -> {});
        return agent;
    }

    /** A new agent without a password, and their one-time link. */
    Invited invite(String email, String name, Role role) {
        var problems = new ArrayList<Problem>();
        String cleanEmail = AgentInput.email(email, problems);
        String cleanName = AgentInput.name(name, problems);
        if (role == null) {
            problems.add(Problem.body("Input should be 'viewer', 'agent' or 'admin'", "enum", "role"));
        }
        AgentInput.fail(problems);
        var agent = new Agent(UUID.randomUUID(), cleanEmail, cleanName, role, null, 0, now(), null);
        String token = newToken();
        insert(agent, () -> agents.insertLink(AdminTokens.hash(token), agent.id(), now().plus(LINK_VALID)));
        return new Invited(agent, token);
    }

    /** A fresh link for an existing agent (a forgotten password); earlier links stop working. */
    String newLink(UUID id) {
        String token = newToken();
        boolean found = db.write(() -> {
            if (agents.byId(id).isEmpty()) {
                return false;
            }
            agents.dropLinks(id);
            agents.insertLink(AdminTokens.hash(token), id, now().plus(LINK_VALID));
            return true;
        });
        if (!found) {
            throw new AgentNotFound();
        }
        return token;
    }

    /** The agent a link is for, while it can be used. */
    Optional<Agent> linkOwner(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return agents.linkOwner(AdminTokens.hash(token), now())
                .flatMap(agents::byId)
                .filter(Agent::active);
    }

    /** Sets the password through a link, which is then used up; every earlier session ends. */
    Agent setPassword(String token, String password) {
        Agent agent = linkOwner(token).orElseThrow(AgentNotFound::new);
        var problems = new ArrayList<Problem>();
        AgentInput.checkPassword(password, problems);
        AgentInput.fail(problems);
        String hash = encoder.encode(password);
        boolean used = db.write(() -> {
            if (!agents.useLink(AdminTokens.hash(token), now())) {
                return false;
            }
            agents.setPassword(agent.id(), hash);
            return true;
        });
        if (!used) {
            throw new AgentNotFound();
        }
        cache.remove(agent.id());
        return agent;
    }

    void deactivate(UUID id) {
        boolean exists = db.write(() -> {
            agents.deactivate(id, now());
            return agents.byId(id).isPresent();
        });
        cache.remove(id);
        if (!exists) {
            throw new AgentNotFound();
        }
    }

    /**
     * Inserts the agent, then {@code more} in the same transaction, unless the email or the name
     * (in any case) is taken. Two instances adding "Ann" and "ann" at the same moment both find the
     * name free; the unique index on LOWER(name) then refuses the second insert once the first has
     * committed, and that one's row is what {@link #taken} reads after the rollback: the loser gets
     * the same problems as a request sent after the winner's.
     */
    private void insert(Agent agent, Runnable more) {
        try {
            db.write(() -> {
                AgentInput.fail(taken(agent));
                agents.insert(agent);
                more.run();
                return null;
            });
        } catch (DataAccessException e) {
            List<Problem> problems = taken(agent);
            if (problems.isEmpty()) {
                throw e;
            }
            throw new InvalidRequest(problems);
        }
        anyAgent = true;
    }

    private List<Problem> taken(Agent agent) {
        var problems = new ArrayList<Problem>();
        if (agents.byEmail(agent.email()).isPresent()) {
            problems.add(Problem.body("An agent with this email exists already", "value_error", "email"));
        }
        if (agents.nameTaken(agent.name())) {
            problems.add(Problem.body("An agent with this name exists already", "value_error", "name"));
        }
        return problems;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
