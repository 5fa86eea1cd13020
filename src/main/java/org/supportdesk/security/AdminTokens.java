package org.supportdesk.security;

/** The SHA-256 (hex) under which a random token is stored: links, like API keys, are never kept. */
final class AdminTokens {

    private AdminTokens() {}

    static String hash(String token) {
        return ApiKeyService.hash(token);
    }
}
