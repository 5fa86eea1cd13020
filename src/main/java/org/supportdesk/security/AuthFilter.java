package org.supportdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supportdesk.system.Actor;
import org.supportdesk.system.ErrorResponses;
import org.supportdesk.system.LoggedPath;
import org.supportdesk.system.ResponseHeaders;

/**
 * Every request but the public ones needs an API key (`Authorization: Bearer` or `X-API-Key`) whose
 * role allows the route, within the key's rate limits. Requests without a valid key draw from
 * their client address's smaller bucket. Runs before anything reads the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AuthFilter extends OncePerRequestFilter {

    /** The same words whether the key is missing, unknown or revoked: nothing to learn from them. */
    static final String UNAUTHORIZED = "Missing or invalid API key";

    private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);

    private static final String BEARER = "bearer ";
    private static final int MAX_KEY_LENGTH = 256;

    private final ApiKeyService keys;
    private final RateLimits limits;
    private final boolean enabled;
    private final MetricsToken metricsToken;

    AuthFilter(ApiKeyService keys, RateLimits limits, SecuritySettings settings, MetricsToken metricsToken) {
        this.keys = keys;
        this.limits = limits;
        this.enabled = settings.auth();
        this.metricsToken = metricsToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        String address = request.getRemoteAddr();
        if (AccessRules.isWorkspace(path)) {
            // Signed in by Spring Security (WorkspaceSecurity), not by key; sign-ins are throttled there.
            chain.doFilter(request, response);
            return;
        }
        if (AccessRules.isPublic(path)) {
            // Health checks come often from load balancers and cost little: never limited.
            long wait =
                    AccessRules.isHealthCheck(path) ? 0 : limits.forAddress(address, RateLimits.Kind.GENERAL, false);
            if (wait > 0) {
                tooMany(response, wait);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        ResponseHeaders.noStore(response);
        AccessRules.Rule rule = AccessRules.ruleFor(request.getMethod(), path);
        RateLimits.Kind kind = rule == null ? RateLimits.Kind.GENERAL : rule.kind();
        if (!enabled) {
            long wait = limits.forAddress(address, kind, true);
            if (wait > 0) {
                tooMany(response, wait);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String secret = secret(request);
        if (AccessRules.isScrape(request.getMethod(), path) && metricsToken.matches(secret)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key;
        try {
            key = secret == null ? Optional.empty() : keys.authenticate(secret);
        } catch (DataAccessException e) {
            // A key not in the cache while the database is away: the same 503 as every other request.
            log.warn(
                    "Database unavailable for the key lookup of {} {}: {}",
                    request.getMethod(),
                    LoggedPath.of(path.value()),
                    e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ErrorResponses.write(response, 503, "Database unavailable, please retry");
            return;
        }
        if (key.isEmpty()) {
            long wait = limits.forAddress(address, RateLimits.Kind.GENERAL, false);
            if (wait > 0) {
                tooMany(response, wait);
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                ErrorResponses.write(response, 401, UNAUTHORIZED);
            }
            return;
        }
        ApiKey caller = key.get();
        request.setAttribute(Actor.ATTRIBUTE, new Actor(caller.name(), caller.id()));
        long wait = limits.forKey(caller.id(), kind);
        if (wait > 0) {
            tooMany(response, wait);
            return;
        }
        if (rule == null) {
            noSuchRoute(response, path);
            return;
        }
        if (!caller.role().includes(rule.role())) {
            ErrorResponses.write(
                    response,
                    403,
                    "This API key's role (" + caller.role().value() + ") does not allow this; it needs "
                            + rule.role().value());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The key from `Authorization: Bearer ...`, else from `X-API-Key`; null when there is none. */
    static String secret(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String secret = null;
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            secret = authorization.substring(BEARER.length()).trim();
        } else {
            secret = request.getHeader("X-API-Key");
            secret = secret == null ? null : secret.trim();
        }
        return secret == null || secret.isEmpty() || secret.length() > MAX_KEY_LENGTH ? null : secret;
    }

    /** The same to every role: what a key may do is said only for what exists. */
    private static void noSuchRoute(HttpServletResponse response, PathContainer path) throws IOException {
        Set<String> methods = AccessRules.methodsFor(path);
        if (methods.isEmpty()) {
            ErrorResponses.write(response, 404, "Not Found");
        } else {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", methods));
            ErrorResponses.write(response, 405, "Method Not Allowed");
        }
    }

    private static void tooMany(HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ErrorResponses.write(response, 429, "Too many requests; retry in " + seconds + " s");
    }
}
