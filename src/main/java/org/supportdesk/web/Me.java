package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.supportdesk.system.Actor;

/** Who is using the workspace: their name (as history shows it) and role. */
public record Me(String name, String role) {

    public boolean canEdit() {
        return !role.equals("viewer");
    }

    public boolean isAdmin() {
        return role.equals("admin");
    }

    static Me of(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String role = "viewer";
        if (auth != null) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                if (a.getAuthority().equals("ROLE_ADMIN")) {
                    role = "admin";
                } else if (a.getAuthority().equals("ROLE_AGENT") && !role.equals("admin")) {
                    role = "agent";
                }
            }
        }
        return new Me(Actor.of(request).name(), role);
    }
}
