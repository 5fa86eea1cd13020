package org.supportdesk.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The workspace's sign-in: email and password against the agents table, throttled per email and
 * per address. The same answer for an unknown email, a wrong password and a deactivated agent, in
 * about the same time, so nothing can be learnt about who has an account.
 */
class AgentAuthentication implements AuthenticationProvider {

    private final AgentService agents;
    private final SignInThrottle throttle;

    AgentAuthentication(AgentService agents, SignInThrottle throttle) {
        this.agents = agents;
        this.throttle = throttle;
    }

    /** Too many failed sign-ins: try again in {@code seconds}. */
    static final class Throttled extends AuthenticationException {
        final long seconds;

        Throttled(long seconds) {
            super("Too many failed sign-ins; try again in " + seconds + " s");
            this.seconds = seconds;
        }
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String email = request.getName();
        String password = request.getCredentials() instanceof String p ? p : "";
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        long wait = throttle.waitSeconds(email, address);
        if (wait > 0) {
            throw new Throttled(wait);
        }
        Optional<Agent> agent = agents.byEmail(email).filter(Agent::canSignIn);
        if (agent.isEmpty()) {
            agents.wasteTime(password);
        }
        if (agent.isEmpty() || !agents.matches(password, agent.get().passwordHash())) {
            throttle.failed(email, address);
            throw new BadCredentialsException("Wrong email or password");
        }
        return SignedIn.of(agent.get()).authentication();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
