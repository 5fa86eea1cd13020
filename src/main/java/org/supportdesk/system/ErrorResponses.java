package org.supportdesk.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's error body, `{"detail": "..."}` or `{"detail": [problems]}`: as a ResponseEntity for
 * the error handler, and written straight to the response for the filters and the container's own
 * errors, which answer before Spring MVC is reached.
 */
public final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {}

    static ResponseEntity<Object> entity(HttpStatus status, Object detail) {
        return entity(status, detail, HttpHeaders.EMPTY);
    }

    static ResponseEntity<Object> entity(HttpStatus status, Object detail, HttpHeaders headers) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(detail));
    }

    /** Writes the body and status; headers set before (security headers, request id) stay. */
    public static void write(HttpServletResponse response, int status, Object detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] bytes = JSON.writeValueAsBytes(body(detail));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The body as JSON text, for writers that are not a servlet response's stream. */
    static String json(Object detail) {
        return JSON.writeValueAsString(body(detail));
    }

    private static Map<String, Object> body(Object detail) {
        return Map.of("detail", detail instanceof List<?> list ? list : String.valueOf(detail));
    }
}
