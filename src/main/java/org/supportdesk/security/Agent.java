package org.supportdesk.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in to the workspace. {@code name} is what history and `assigned_to` show;
 * {@code email} (lower case) is what they sign in with. {@code passwordHash} is null until they set
 * a password through their link; {@code sessionEpoch} is part of every session cookie, so raising
 * it ends all of their sessions.
 */
record Agent(
        UUID id,
        String email,
        String name,
        Role role,
        String passwordHash,
        int sessionEpoch,
        Instant createdAt,
        Instant deactivatedAt) {

    boolean active() {
        return deactivatedAt == null;
    }

    boolean canSignIn() {
        return active() && passwordHash != null;
    }
}
