package org.supportdesk.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Database;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;

/**
 * The inbox's saved views: a name and the filters' query string, an agent's own or shared with
 * everyone (table saved_views); and the views every workspace has.
 */
@Component
class SavedViews {

    /** A view: {@code id} null for the built-in ones; {@code ownerId} null when shared. */
    public record View(UUID id, UUID ownerId, String name, String query) {
        public boolean shared() {
            return ownerId == null;
        }
    }

    // saved_views.query is VARCHAR(2000) (db/migration/.../V9).
    private static final int MAX_QUERY = 2000;

    private final JdbcClient jdbc;
    private final Database db;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Database db, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    /**
     * The built-in views, for the agent named {@code me}; "SLA breached" where the list has the SLA
     * filter (it comes with conversations).
     */
    static List<View> builtIn(String me, boolean sla) {
        var assigned = new InboxQuery(new java.util.LinkedHashMap<>(java.util.Map.of("assigned_to", me)));
        var views = new ArrayList<View>();
        views.add(new View(null, null, "My open tickets", assigned + "&open=true"));
        views.add(new View(null, null, "Unassigned urgent", "priority=urgent&unassigned=true&open=true"));
        if (sla) {
            views.add(new View(null, null, "SLA breached", "sla=breached&open=true"));
        }
        views.add(new View(null, null, "All open", "open=true"));
        return views;
    }

    /** The built-in views, then the shared ones, then the agent's own. */
    List<View> visibleTo(UUID agent, String me, boolean sla) {
        var views = new ArrayList<>(builtIn(me, sla));
        views.addAll(jdbc.sql("SELECT id, owner_id, name, query FROM saved_views WHERE owner_id IS NULL OR owner_id = ?"
                        + " ORDER BY owner_id IS NULL DESC, name, id")
                .param(agent == null ? "" : agent.toString())
                .query((rs, row) -> new View(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("owner_id") == null ? null : UUID.fromString(rs.getString("owner_id")),
                        rs.getString("name"),
                        rs.getString("query")))
                .list());
        return views;
    }

    void save(UUID owner, String name, String query, boolean shared) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidRequest(
                    Problem.body("A view needs a name of 1 to 100 characters", "string_too_short", "name"));
        }
        // The columns' limits and what PostgreSQL's text can hold, checked here: the database
        // would refuse them with an error, not a message.
        // The name as sent: trim() would drop a NUL at either end silently.
        Problem unstorable = name == null ? null : StorableText.check(name, "name");
        if (unstorable == null) {
            unstorable = StorableText.check(query, "query");
        }
        if (unstorable != null) {
            throw new InvalidRequest(unstorable);
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            throw new InvalidRequest(Problem.body(
                    "A view's filters should have at most " + MAX_QUERY + " characters", "string_too_long", "query"));
        }
        if (owner == null && !shared) {
            throw new InvalidRequest(
                    Problem.body("Without an account only shared views can be saved", "value_error", "shared"));
        }
        db.write(() -> jdbc.sql(
                        "INSERT INTO saved_views (id, owner_id, name, query, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), shared ? null : owner.toString(), clean, query, clock.millis())
                .update());
    }

    /** Deletes a view that is the agent's own, or a shared one (for an admin). */
    void delete(UUID id, UUID agent, boolean admin) {
        db.write(() -> jdbc.sql("DELETE FROM saved_views WHERE id = ? AND (owner_id = ? OR (owner_id IS NULL AND ?))")
                .params(id.toString(), agent == null ? "" : agent.toString(), admin)
                .update());
    }
}
