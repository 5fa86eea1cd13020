package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance cannot do what was asked right now, for a reason of its own, not the request's (its
 * disk would not take a file: full, read-only, permissions). {@link ErrorHandler} answers 503 with
 * the message, which says what was (not) kept, and the workspace a page of it; both {@link #log}
 * the cause, which the client is not shown (it names the server's paths).
 */
public abstract class Unavailable extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

    protected Unavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** Logs the refusal of {@code request}, with the cause. */
    public void log(HttpServletRequest request) {
        log.warn(
                "Unavailable for {} {}: {} ({})",
                request.getMethod(),
                LoggedPath.of(request.getRequestURI()),
                getMessage(),
                String.valueOf(getCause()));
    }
}
