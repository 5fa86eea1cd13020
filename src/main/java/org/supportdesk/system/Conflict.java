package org.supportdesk.system;

/**
 * The request is valid, but what it names is in a state that does not allow it (a backup already
 * running, a ticket merged into another that takes no more changes). Features say which state in
 * a subclass; {@link ErrorHandler} answers 409 with the message.
 */
public abstract class Conflict extends RuntimeException {

    protected Conflict(String message) {
        super(message, null, false, false);
    }
}
