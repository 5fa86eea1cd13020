package org.supportdesk.system;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * The 415's words for a body Spring has no reader for: the type sent, as parsed or as sent when it
 * could not be parsed (cut and with its control characters masked), and the types the endpoint
 * reads, so that a client sees at once which `Content-Type` to send instead.
 */
final class UnsupportedMediaTypes {

    private UnsupportedMediaTypes() {}

    /** {@code raw}: the request's `Content-Type` header as sent, null without one. */
    static String detail(HttpMediaTypeNotSupportedException e, String raw) {
        String expected = e.getSupportedMediaTypes().isEmpty()
                ? "application/json"
                : String.join(
                        ", ",
                        e.getSupportedMediaTypes().stream()
                                .map(MediaType::toString)
                                .toList());
        return "Unsupported content type " + described(e.getContentType(), raw) + "; expected " + expected;
    }

    /** The type as parsed, or as sent when it could not be parsed (a charset Java does not know). */
    private static String described(MediaType given, String raw) {
        if (given != null) {
            return "'" + given + "'";
        }
        if (raw == null || raw.isBlank()) {
            return "(none)";
        }
        String shown = raw.length() > 100 ? raw.substring(0, 100) + "..." : raw;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "' (not a valid media type and charset)";
    }
}
