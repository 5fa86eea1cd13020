package org.supportdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supportdesk.system.Actor;

/**
 * Hands the features the signed-in agent as the request's {@link Actor}, exactly as AuthFilter
 * does for an API key, so history names the agent; and restarts the session's idle time.
 */
class WorkspaceActorFilter extends OncePerRequestFilter {

    private final CookieSessions sessions;

    WorkspaceActorFilter(CookieSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn agent) {
            request.setAttribute(Actor.ATTRIBUTE, new Actor(agent.name(), agent.id()));
            sessions.refresh(request, response);
        }
        chain.doFilter(request, response);
    }
}
