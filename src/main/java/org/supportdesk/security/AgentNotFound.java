package org.supportdesk.security;

import org.supportdesk.system.NotFound;

/** No such agent, or a set-password link that is unknown, used or expired. */
class AgentNotFound extends NotFound {
    AgentNotFound() {
        super("Agent or link not found: a set-password link works once and for 7 days");
    }
}
