package org.supportdesk.system;

/** The request conflicts with the current state of what it names (a backup already running, a merge that would make a cycle). {@link ErrorHandler} answers 409 with the message. */
public abstract class Conflict extends RuntimeException {

    protected Conflict(String message) {
        super(message, null, false, false);
    }
}
