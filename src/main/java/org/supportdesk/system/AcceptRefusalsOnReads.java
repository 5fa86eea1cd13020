package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A read whose `Accept` refuses the type Spring chose for the answer with `q=0` is a 406, as one
 * that names no type of it: Spring reads qualities only to order the ranges, so
 * `Accept: application/json;q=0` got a 200 in JSON. Run when the answer is about to be written,
 * the type being known then. Changes are refused before they are made (AcceptBeforeWriting) and
 * errors keep their own answer (JSON whatever the header, as ErrorResponses writes them). Answers
 * that bypass the message converters (streamed exports, the workspace's pages) are not checked.
 */
@ControllerAdvice
class AcceptRefusalsOnReads implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selected,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && response instanceof ServletServerHttpResponse answer
                && answer.getServletResponse().getStatus() < 400
                && SafeMethods.ALL.contains(servlet.getServletRequest().getMethod())) {
            refuseIfRefused(servlet.getServletRequest(), selected);
        }
        return body;
    }

    private static void refuseIfRefused(HttpServletRequest request, MediaType selected) {
        if (!mayHoldQualityZero(request)) {
            return; // nearly every read: no header to parse
        }
        List<MediaType> ranges;
        try {
            ranges = AcceptBeforeWriting.accepted(request);
        } catch (NotAcceptable.BeforeChange unreadable) {
            return; // Spring has read it already, or it would not have got this far
        }
        MediaType type = new MediaType(selected.getType(), selected.getSubtype());
        if (AcceptRanges.refusesAny(ranges) && !AcceptRanges.allows(ranges, type)) {
            throw new NotAcceptable.Refused(type.toString());
        }
    }

    /** A quality of 0 is written {@code q=0}, {@code q=0.0}, ...: no "=0" in the header, no refusal. */
    private static boolean mayHoldQualityZero(HttpServletRequest request) {
        var headers = request.getHeaders(HttpHeaders.ACCEPT);
        while (headers.hasMoreElements()) {
            if (headers.nextElement().contains("=0")) {
                return true;
            }
        }
        return false;
    }
}
