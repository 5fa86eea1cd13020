package org.supportdesk.system;

/**
 * What the request names does not exist (a ticket, an API key). Features name the thing in a
 * subclass; {@link ErrorHandler} answers 404 with the message.
 */
public abstract class NotFound extends RuntimeException {

    protected NotFound(String message) {
        super(message, null, false, false);
    }
}
