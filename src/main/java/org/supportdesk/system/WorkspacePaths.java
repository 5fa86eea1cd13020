package org.supportdesk.system;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of the agents' workspace (web/), in one place for every filter that treats them apart
 * from the API: security lets them through without an API key and maps Spring Security's sign-in to
 * them (AccessRules, WorkspaceSecurity), web answers input that is not text on its pages with a page
 * (WorkspaceInputFilter). Here, not in web or security: security may not depend on web (web uses
 * security's Admin door, and the packages have no cycles), web may use only that door of security,
 * and system serves both. Matched with Spring MVC's PathPattern, so a path means here what it means
 * to the controllers.
 */
public final class WorkspacePaths {

    private WorkspacePaths() {}

    /** The pages and forms people use: sign-in, sign-out, setup, set-password links, the desk. */
    public static final List<String> PAGES =
            List.of("/login", "/logout", "/setup", "/password/**", "/desk", "/desk/**");

    /** The pages' static files: the stylesheet and script, htmx from its webjar. */
    public static final List<String> ASSETS = List.of("/assets/**", "/webjars/**");

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final List<PathPattern> PAGE_PATTERNS =
            PAGES.stream().map(PARSER::parse).toList();
    private static final List<PathPattern> ALL_PATTERNS =
            Stream.concat(PAGES.stream(), ASSETS.stream()).map(PARSER::parse).toList();

    // Every path a pattern matches starts with the pattern's text before `/**`. Asked on every
    // request, API ones included: most are told apart by that text alone, without matching the
    // patterns (which was about 1% of a GET's CPU).
    private static final List<String> PREFIXES = Stream.concat(PAGES.stream(), ASSETS.stream())
            .map(p -> p.endsWith("/**") ? p.substring(0, p.length() - 3) : p)
            .toList();

    /** A page or form of the workspace (not its static files). */
    public static boolean isPage(PathContainer path) {
        return mayBe(path) && PAGE_PATTERNS.stream().anyMatch(p -> p.matches(path));
    }

    /** A page, a form or a static file of the workspace. */
    public static boolean isWorkspace(PathContainer path) {
        return mayBe(path) && ALL_PATTERNS.stream().anyMatch(p -> p.matches(path));
    }

    private static boolean mayBe(PathContainer path) {
        String value = path.value();
        for (String prefix : PREFIXES) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same paths as servlet URL patterns, for mapping a filter to them: `/desk/**` becomes
     * `/desk/*` (which also matches `/desk` itself).
     */
    public static List<String> servletPatterns() {
        return Stream.concat(PAGES.stream(), ASSETS.stream())
                .map(p -> p.endsWith("/**") ? p.substring(0, p.length() - 1) : p)
                .distinct()
                .toList();
    }
}
