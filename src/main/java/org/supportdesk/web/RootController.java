package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * `GET /`: a browser (Accept: text/html) goes to the workspace; a program gets the service's name
 * and version, as from the original service.
 */
@RestController
class RootController {

    private final String version;

    RootController(@Value("${supportdesk.version:unknown}") String version) {
        this.version = version;
    }

    @GetMapping("/")
    ResponseEntity<Object> root(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create("/desk"))
                    .build();
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Supportdesk");
        body.put("version", version);
        body.put("docs", "/docs");
        body.put("workspace", "/desk");
        return ResponseEntity.ok((Map<String, Object>) body);
    }
}
