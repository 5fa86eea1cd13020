package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.NotFound;
import org.supportdesk.system.Unavailable;

/**
 * What every workspace page has (who is signed in), and its errors as pages rather than the API's
 * JSON: a ticket that is not there, a hand-edited address with a bad filter, or an import this
 * instance could not queue.
 */
@ControllerAdvice(basePackageClasses = WebModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebModel {

    @ModelAttribute("me")
    Me me(HttpServletRequest request) {
        return Me.of(request);
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("me", Me.of(request));
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "error/page";
    }

    /** As the API's 503 (ErrorHandler): the message says what was not kept; the cause, with the server's paths, is logged. */
    @ExceptionHandler(Unavailable.class)
    String unavailable(Unavailable e, Model model, HttpServletRequest request, HttpServletResponse response) {
        e.log(request);
        response.setStatus(503);
        model.addAttribute("me", Me.of(request));
        model.addAttribute("title", "Not now");
        model.addAttribute("message", e.getMessage());
        return "error/page";
    }

    @ExceptionHandler(InvalidRequest.class)
    String invalid(InvalidRequest e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("me", Me.of(request));
        model.addAttribute("title", "Cannot show this");
        model.addAttribute("message", message(e));
        return "error/page";
    }

    /** The problems of a request, one after the other, each with the field it is about. */
    static String message(InvalidRequest e) {
        return String.join(
                "; ",
                e.problems().stream()
                        .map(org.supportdesk.system.Problem::asFieldMessage)
                        .toList());
    }
}
