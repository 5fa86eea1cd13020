package org.supportdesk.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** Headers of every response (docs/SECURITY.md), set by the filters and for the container's errors. */
public final class ResponseHeaders {

    private ResponseHeaders() {}

    public static void secure(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** For answers no cache may keep: everything but the public endpoints. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
