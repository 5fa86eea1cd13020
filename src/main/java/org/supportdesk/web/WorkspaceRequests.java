package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;

/** What a workspace request is: htmx asking for a fragment, or a browser asking for a page. */
final class WorkspaceRequests {

    private WorkspaceRequests() {}

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The address of this service as the browser reached it, for links handed to others. */
    static String base(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build()
                .toUriString();
    }
}
