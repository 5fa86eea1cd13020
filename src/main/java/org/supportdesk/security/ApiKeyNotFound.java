package org.supportdesk.security;

import org.supportdesk.system.NotFound;

class ApiKeyNotFound extends NotFound {
    ApiKeyNotFound() {
        super("API key not found");
    }
}
