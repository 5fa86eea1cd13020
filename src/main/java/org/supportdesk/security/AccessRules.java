package org.supportdesk.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.supportdesk.system.SafeMethods;
import org.supportdesk.system.WorkspacePaths;

/**
 * Who may call what: the role each route needs and the bucket it draws from. Paths are matched
 * with Spring MVC's own PathPattern, on the same parsed path, so a route means here what it means
 * to the controllers. A request no rule covers is answered by AuthFilter itself, the same to every
 * valid key: 404 for a path no rule has, 405 for a method the path's rules do not list. So a new
 * endpoint stays closed until it is given a rule here (AccessByRoleTests checks that every endpoint
 * has one), and no role learns more about paths than another.
 */
final class AccessRules {

    private AccessRules() {}

    record Rule(Set<String> methods, PathPattern pattern, Role role, RateLimits.Kind kind) {
        boolean matches(String method, PathContainer path) {
            return methods.contains(method) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Set<String> READ = SafeMethods.ALL;
    private static final String METRICS = "/metrics";

    /** Open to anyone: health checks and the API description. */
    private static final List<PathPattern> PUBLIC = List.of(
            // The service's name and version for programs; browsers are sent to the workspace.
            PARSER.parse("/"),
            PARSER.parse("/health"),
            // Orchestrators' probes (system/HealthProbes), as open as /health.
            PARSER.parse("/health/live"),
            PARSER.parse("/health/ready"),
            PARSER.parse("/openapi.json"),
            PARSER.parse("/openapi.json/**"),
            PARSER.parse("/openapi.json.yaml"),
            PARSER.parse("/docs"),
            PARSER.parse("/docs/**"),
            PARSER.parse("/swagger-ui/**"),
            PARSER.parse("/v3/api-docs/**"));

    private static final List<Rule> RULES = List.of(
            rule(READ, "/tickets", Role.VIEWER),
            rule(READ, "/tickets/stats", Role.VIEWER),
            rule(READ, "/search", Role.VIEWER),
            rule(READ, "/tickets/{id}/similar", Role.VIEWER),
            rule(READ, "/tickets/changes", Role.VIEWER),
            // Bulk data out, as imports are bulk data in: the admin's, counted with the imports.
            new Rule(READ, PARSER.parse("/tickets/export"), Role.ADMIN, RateLimits.Kind.IMPORT),
            rule(READ, "/tickets/{id}", Role.VIEWER),
            rule(READ, "/tickets/{id}/history", Role.VIEWER),
            rule(READ, "/tickets/{id}/comments", Role.VIEWER),
            rule(READ, "/tickets/{id}/comments/{commentId}", Role.VIEWER),
            rule(READ, "/attachments/{id}", Role.VIEWER),
            rule(Set.of("POST"), "/tickets", Role.AGENT),
            rule(Set.of("PATCH", "PUT"), "/tickets/{id}", Role.AGENT),
            rule(Set.of("POST"), "/tickets/{id}/classify", Role.AGENT),
            rule(Set.of("POST"), "/tickets/{id}/auto-classify", Role.AGENT),
            rule(Set.of("POST"), "/tickets/{id}/comments", Role.AGENT),
            rule(Set.of("PATCH"), "/tickets/{id}/comments/{commentId}", Role.AGENT),
            rule(Set.of("POST"), "/tickets/{id}/merge", Role.AGENT),
            // The team's model (learning/): its report and jobs for anyone, training for admins.
            rule(READ, "/classification/model", Role.VIEWER),
            rule(READ, "/classification/model/jobs/{id}", Role.VIEWER),
            rule(Set.of("POST"), "/classification/model/train", Role.ADMIN),
            new Rule(Set.of("POST"), PARSER.parse("/tickets/classify-all"), Role.ADMIN, RateLimits.Kind.CLASSIFY_ALL),
            new Rule(Set.of("POST"), PARSER.parse("/tickets/import"), Role.ADMIN, RateLimits.Kind.IMPORT),
            new Rule(Set.of("POST"), PARSER.parse("/import/{format}"), Role.ADMIN, RateLimits.Kind.IMPORT),
            // Background imports (imports/ImportJobs): started, followed and cancelled by admins.
            new Rule(Set.of("POST"), PARSER.parse("/imports"), Role.ADMIN, RateLimits.Kind.IMPORT),
            rule(Set.of("GET", "HEAD", "DELETE"), "/imports/{id}", Role.ADMIN),
            rule(Set.of("DELETE"), "/tickets/{id}", Role.ADMIN),
            rule(Set.of("DELETE"), "/tickets/{id}/comments/{commentId}", Role.ADMIN),
            rule(Set.of("GET", "HEAD", "POST"), "/api-keys", Role.ADMIN),
            rule(Set.of("DELETE"), "/api-keys/{id}", Role.ADMIN),
            // Operations (metrics/, backups/): admins; /metrics also takes the metrics token
            // (MetricsToken, checked in AuthFilter before the key lookup).
            rule(READ, METRICS, Role.ADMIN),
            rule(Set.of("POST"), "/admin/backup", Role.ADMIN),
            rule(READ, "/admin/backups", Role.ADMIN),
            rule(Set.of("GET", "HEAD", "POST"), "/webhooks", Role.ADMIN),
            rule(Set.of("GET", "HEAD", "PATCH", "DELETE"), "/webhooks/{id}", Role.ADMIN),
            rule(READ, "/webhooks/{id}/deliveries", Role.ADMIN),
            rule(Set.of("POST"), "/webhooks/{id}/deliveries/{delivery}/redeliver", Role.ADMIN),
            // Only there when supportdesk.bench.enabled=true: the benchmark's yardstick.
            rule(READ, "/bench/bare", Role.VIEWER),
            rule(READ, "/bench/db", Role.VIEWER));

    private static Rule rule(Set<String> methods, String pattern, Role role) {
        return new Rule(methods, PARSER.parse(pattern), role, RateLimits.Kind.GENERAL);
    }

    static boolean isPublic(PathContainer path) {
        if (playsTricks(path.value())) {
            return false;
        }
        for (PathPattern pattern : PUBLIC) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A path of the agents' workspace (web/: pages, their assets, sign-in, setup and set-password
     * links), which Spring Security (WorkspaceSecurity, whose filter is mapped to exactly these
     * paths) guards instead of the API keys: AuthFilter lets it through without a key.
     */
    static boolean isWorkspace(PathContainer path) {
        return !playsTricks(path.value()) && WorkspacePaths.isWorkspace(path);
    }

    /** Nothing public or in the workspace needs these; such a path is not let through unchecked. */
    private static boolean playsTricks(String raw) {
        return raw.contains("..") || raw.contains("%") || raw.contains(";") || raw.contains("//");
    }

    /** The probes and /health: called every few seconds by load balancers, never rate limited. */
    static boolean isHealthCheck(PathContainer path) {
        String raw = path.value();
        return raw.equals("/health") || raw.equals("/health/live") || raw.equals("/health/ready");
    }

    /** A scrape, which the metrics token may make instead of an admin key. */
    static boolean isScrape(String method, PathContainer path) {
        return READ.contains(method) && path.value().equals(METRICS);
    }

    /**
     * The rule for this method and path, or null when there is none. OPTIONS, which only says
     * which methods a path takes, is open on every path the rules know, to the least role any of
     * its methods needs: a key that may do nothing there learns nothing there either.
     */
    static Rule ruleFor(String method, PathContainer path) {
        Rule options = null;
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return rule;
            }
            if (method.equals("OPTIONS")
                    && rule.pattern().matches(path)
                    && (options == null || options.role().compareTo(rule.role()) > 0)) {
                options = new Rule(Set.of("OPTIONS"), rule.pattern(), rule.role(), RateLimits.Kind.GENERAL);
            }
        }
        return options;
    }

    /** The methods the rules allow on this path (for 405's `Allow`); empty for an unknown path. */
    static Set<String> methodsFor(PathContainer path) {
        var methods = new TreeSet<String>();
        for (Rule rule : RULES) {
            if (rule.pattern().matches(path)) {
                methods.addAll(rule.methods());
                methods.add("OPTIONS");
            }
        }
        return methods;
    }

    static List<Rule> rules() {
        return RULES;
    }
}
