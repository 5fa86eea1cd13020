package org.supportdesk.system;

/**
 * The request's content cannot be read as what the endpoint takes: a file that is not well-formed,
 * in another format than the endpoint's, cut short. Unlike {@link InvalidRequest} (well-formed but
 * against the rules) there is nothing to list field by field. {@link ErrorHandler} answers 400 with
 * the message, or 413 when a size limit cut the reading short (a {@link PayloadTooLarge} cause).
 */
public class MalformedRequest extends RuntimeException {

    public MalformedRequest(String message) {
        super(message, null, false, false);
    }

    public MalformedRequest(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
