package org.supportdesk.system;

/**
 * A part of a request (a file of an upload) is over its own size limit, though the request as a
 * whole was within the body limit. {@link ErrorHandler} answers 413 with the message.
 */
public class TooLarge extends RuntimeException {

    public TooLarge(String message) {
        super(message, null, false, false);
    }
}
