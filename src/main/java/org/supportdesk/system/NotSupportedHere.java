package org.supportdesk.system;

/** What was asked is not offered on this installation (an API backup on PostgreSQL). {@link ErrorHandler} answers 501 with the message, which says what to do instead. */
public abstract class NotSupportedHere extends RuntimeException {

    protected NotSupportedHere(String message) {
        super(message, null, false, false);
    }
}
