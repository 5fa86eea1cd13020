package org.supportdesk.system;

import org.springframework.http.HttpStatus;

/** A client-facing failure with a fixed status and a plain-text `detail`. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
