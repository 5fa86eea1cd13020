package org.supportdesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * A request path as the log may show it: what follows a segment that carries a secret in the path
 * (the one-time link `/password/<token>` that sets an agent's password) is replaced by `***`, and a
 * long path is cut. Every log line that names a request's path goes through here (the access log,
 * text and JSON, and the error lines), so a link read from a log cannot be used.
 */
public final class LoggedPath {

    static final String HIDDEN = "***";
    private static final int MAX = 200;

    /** Segments whose followers are secrets; compared decoded and without `;` parameters, ignoring case. */
    private static final Set<String> SECRET_PARENTS = Set.of("password");

    private LoggedPath() {}

    /** {@code rawPath} (as `getRequestURI()` gives it, still percent-encoded) with its secrets hidden. */
    public static String of(String rawPath) {
        if (rawPath == null) {
            return "-";
        }
        String path = hideSecrets(rawPath);
        return path.length() > MAX ? path.substring(0, MAX) + "..." : path;
    }

    private static String hideSecrets(String rawPath) {
        int start = 0;
        while (start < rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            // `/passwor%64/x` and `/password;a=b/x` reach the same page as `/password/x`
            if (end > start && SECRET_PARENTS.contains(name(rawPath.substring(start, end)))) {
                return end < rawPath.length() - 1 ? rawPath.substring(0, end + 1) + HIDDEN : rawPath;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return rawPath;
    }

    private static String name(String rawSegment) {
        int parameters = rawSegment.indexOf(';');
        String segment = parameters < 0 ? rawSegment : rawSegment.substring(0, parameters);
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return segment.toLowerCase(Locale.ROOT);
        }
    }
}
