package org.supportdesk.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (an exception or `sendError` in a filter, forwarded here by
 * the container) still answer with a JSON `detail` and no stack trace. Called directly, `/error` is
 * a path like any unknown one: 404.
 */
@Hidden
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return ErrorResponses.entity(HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase());
        }
        // The headers every error carries: the filters set them, but some errors come before any
        // filter ran (Tomcat's 405 for TRACE, sent to this page straight from its adapter).
        ResponseHeaders.secure(response);
        ResponseHeaders.noStore(response);
        if (response.getHeader(RequestIdFilter.HEADER) == null) {
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.newId());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return ErrorResponses.entity(status, detail);
    }
}
