package org.supportdesk.system;

import org.springframework.core.MethodParameter;
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
 * that bypass the message converters are not seen here: a streamed export asks {@link
 * AcceptRefusals} itself before it starts; the workspace's pages are not checked.
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
            AcceptRefusals.refuseIfRefused(servlet.getServletRequest(), selected);
        }
        return body;
    }
}
