package org.supportdesk.system;

/**
 * The caller's copy is out of date: it named a version (If-Match) the record no longer has, so
 * nothing was changed. {@link ErrorHandler} answers 412 with the message.
 */
public abstract class VersionConflict extends RuntimeException {

    protected VersionConflict(String message) {
        super(message, null, false, false);
    }
}
