package org.supportdesk.system;

/**
 * This instance cannot do what was asked right now, for a reason of its own, not the request's (its
 * disk would not take a file: full, read-only, permissions). {@link ErrorHandler} answers 503 with
 * the message, which says what was (not) kept, and logs the cause, which the client is not shown
 * (it names the server's paths).
 */
public abstract class Unavailable extends RuntimeException {

    protected Unavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
