package org.supportdesk.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The agent behind a workspace request, as the session cookie names them. */
record SignedIn(UUID id, String name, Role role, int epoch) {

    static SignedIn of(Agent agent) {
        return new SignedIn(agent.id(), agent.name(), agent.role(), agent.sessionEpoch());
    }

    /** ROLE_VIEWER, ROLE_AGENT or ROLE_ADMIN; the role hierarchy adds the ones below. */
    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(
                this, null, List.of(new SimpleGrantedAuthority(authority(role))));
    }

    static String authority(Role role) {
        return "ROLE_" + role.name();
    }

    @Override
    public String toString() {
        // Spring Security's own messages print the principal: a name, never more.
        return name;
    }
}
