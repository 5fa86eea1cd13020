package org.supportdesk.system;

import java.util.Set;

/**
 * The methods that change nothing (RFC 9110's safe methods this service answers; TRACE is refused
 * by the container): the access rules' reads, and what the 406 check and the workspace's
 * same-site check let through untouched.
 */
public final class SafeMethods {

    public static final Set<String> ALL = Set.of("GET", "HEAD", "OPTIONS");

    private SafeMethods() {}
}
