package org.supportdesk.system;

import jakarta.servlet.ServletRequest;
import java.util.UUID;

/**
 * Who makes a request, as the ticket history records it: an API key's name and id, or
 * "anonymous" (no id) while authentication is off. The authentication filter leaves it in the
 * request attribute {@link #ATTRIBUTE}; controllers take it as a parameter.
 */
public record Actor(String name, UUID id) {

    public static final Actor ANONYMOUS = new Actor("anonymous", null);

    public static final String ATTRIBUTE = Actor.class.getName();

    public static Actor of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Actor actor ? actor : ANONYMOUS;
    }
}
