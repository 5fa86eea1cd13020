package org.supportdesk.security;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supportdesk.system.Actor;
import org.supportdesk.system.LoggedPath;
import org.supportdesk.system.ResponseHeaders;

/**
 * Security headers on every response, and one log line per request (logger `supportdesk.access`):
 * method, path, status, duration and key id; the request id is in the line's MDC (`requestId`), as
 * in every line of the request. In JSON logs these are fields of their own too. Never the query
 * string or the body, so no customer data reaches the log; nor the token of a set-password link
 * (`/password/***`, {@link LoggedPath}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("supportdesk.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        ResponseHeaders.secure(response);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // A streamed answer (classify-all): log when it is complete.
                String requestId = MDC.get("requestId");
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        MDC.put("requestId", requestId);
                        try {
                            write(request, response, start);
                        } finally {
                            MDC.remove("requestId");
                        }
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {}

                    @Override
                    public void onError(AsyncEvent event) {}

                    @Override
                    public void onStartAsync(AsyncEvent event) {}
                });
            } else {
                write(request, response, start);
            }
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, long start) {
        if (!log.isInfoEnabled()) {
            return;
        }
        UUID key = Actor.of(request).id();
        String path = LoggedPath.of(request.getRequestURI());
        long nanos = System.nanoTime() - start;
        // The text line for people; the same facts as fields for JSON logs (SUPPORTDESK_LOG_FORMAT=json).
        var line = log.atInfo()
                .setMessage("{} {} {} {}ms key={}")
                .addArgument(request.getMethod())
                .addArgument(path)
                .addArgument(response.getStatus())
                .addArgument(TimeUnit.NANOSECONDS.toMillis(nanos))
                .addArgument(key == null ? "-" : key)
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", response.getStatus())
                .addKeyValue("event.duration", nanos);
        if (key != null) {
            line = line.addKeyValue("key.id", key.toString());
        }
        line.log();
    }
}
