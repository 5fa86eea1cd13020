package org.supportdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supportdesk.system.SafeMethods;

/**
 * Refuses a workspace form (any method but GET, HEAD, OPTIONS) that the browser says came from
 * another site, before the CSRF check. The CSRF token is checked against a cookie, and a sibling
 * site (evil.example.com beside desk.example.com) can plant that cookie with a token it knows; being
 * "same-site", its forms also carry the session cookie despite SameSite=Lax. Browsers say where a
 * request comes from in `Sec-Fetch-Site` (Fetch Metadata; Chromium, Firefox, Safari 16.4+), which
 * pages cannot forge: only `same-origin` and `none` (typed or bookmarked) are the workspace's own.
 * Without the header (older browsers, programs) the token alone decides, as before.
 */
final class SameSiteForms extends OncePerRequestFilter {

    private static final Set<String> SAFE = SafeMethods.ALL;
    private static final Set<String> OWN = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAFE.contains(request.getMethod()) && !OWN.contains(site)) {
            WorkspaceSecurity.page(
                    response,
                    "This form came from another site, so it was not sent. Open the workspace and send it from there.");
            return;
        }
        chain.doFilter(request, response);
    }
}
