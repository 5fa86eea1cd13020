package org.supportdesk.system;

/** The body comes in a content type the endpoint does not read; {@link ErrorHandler} answers 415. */
public class UnsupportedContentType extends RuntimeException {

    public UnsupportedContentType(String message) {
        super(message, null, false, false);
    }
}
