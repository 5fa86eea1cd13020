package org.supportdesk.system;

import java.io.IOException;

/**
 * Thrown from the size-limited request stream. An IOException so that parsers pass it through as a
 * read failure; the error handler finds it in the cause chain.
 */
public class PayloadTooLarge extends IOException {

    private final long limit;

    public PayloadTooLarge(long limit) {
        this("Request body is larger than the limit of " + limit + " bytes", limit);
    }

    /** A limit on a piece of the body, which {@code message} names. */
    public PayloadTooLarge(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
