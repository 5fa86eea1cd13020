package org.supportdesk.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any filter or controller sees them (a request line or header that
 * is not valid HTTP, a URL or headers over `server.max-http-request-header-size`, an encoded slash
 * or NUL in the path) are answered by the host's error report valve, as an HTML page. This replaces
 * that valve with one that answers like the rest of the service: a JSON `detail`, the security
 * headers, a request id, and 414 or 431 where Tomcat says 400 for "too large".
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            // Spring Boot adds an ErrorReportValve of its own (server.error.include-stacktrace=never):
            // it would answer before this one, which is further down the pipeline.
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonErrorReportValve());
            // ... and the host does not add Tomcat's default one when it starts.
            host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        });
    }

    /** After Spring Boot's own customizer, whose valve this one removes. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class JsonErrorReportValve extends ErrorReportValve {

        // Tomcat's own texts, in the JVM's locale as Tomcat writes them: "Request header is too
        // large" is how it reports a request line or headers over the limit, "Invalid URI" a path
        // it refuses. Compared with the exception and the response's message to tell these apart.
        private static final String TOO_LARGE =
                StringManager.getManager(Http11InputBuffer.class).getString("iib.requestheadertoolarge.error");
        // "More than the maximum allowed number of headers, [100], were detected." in the JVM's
        // locale: Tomcat's text with any number where the count goes.
        private static final Pattern TOO_MANY_HEADERS = Pattern.compile(
                Pattern.quote(StringManager.getManager(MimeHeaders.class).getString("headers.maxCountFail", "\u0000"))
                        .replace("\u0000", "\\E[0-9]+\\Q"));
        private static final String INVALID_URI =
                StringManager.getManager(CoyoteAdapter.class).getString("coyoteAdapter.invalidURI");

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            Answer answer = answer(request, response, throwable);
            try {
                response.setStatus(answer.status().value());
                ResponseHeaders.secure(response);
                ResponseHeaders.noStore(response);
                if (response.getHeader(RequestIdFilter.HEADER) == null) {
                    response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.newId());
                }
                response.setContentType("application/json");
                response.setCharacterEncoding("utf-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(ErrorResponses.json(answer.detail()));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was committed meanwhile: nothing left to say.
            }
        }

        private record Answer(HttpStatus status, String detail) {}

        private static int maxHeaderCount(Request request) {
            return request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                    ? http.getMaxHeaderCount()
                    : -1;
        }

        /** A request's own text in an answer: printable ASCII only, and short, whatever was sent. */
        private static String shown(String value) {
            String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
            return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
        }

        private static Answer answer(Request request, Response response, Throwable throwable) {
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            // The request line was read when Tomcat got as far as its URI.
            boolean lineRead = !request.getCoyoteRequest().requestURI().isNull();
            if (throwable != null && TOO_LARGE.equals(throwable.getMessage())) {
                int limit = request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                        ? http.getMaxHttpRequestHeaderSize()
                        : -1;
                return lineRead
                        ? new Answer(
                                HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                                "Request headers are larger than the limit of " + limit + " bytes")
                        : new Answer(HttpStatus.URI_TOO_LONG, "URL is longer than the limit of " + limit + " bytes");
            }
            if (status == HttpStatus.BAD_REQUEST) {
                String message = response.getMessage();
                String path = lineRead
                        ? InvalidPaths.why(
                                request.getCoyoteRequest().requestURI().toString())
                        : null;
                if (path != null) {
                    return new Answer(status, "Invalid path: " + path);
                }
                if (message != null && message.startsWith(INVALID_URI)) {
                    return new Answer(
                            status,
                            "Invalid path: an encoded '/' or '\\' (%2F, %5C), a NUL (%00) or a '..' above the"
                                    + " root is not accepted");
                }
                if (throwable != null
                        && throwable.getMessage() != null
                        && TOO_MANY_HEADERS.matcher(throwable.getMessage()).matches()) {
                    return new Answer(
                            status, "Too many request headers: at most " + maxHeaderCount(request) + " are accepted");
                }
                if (throwable != null && !lineRead) {
                    return new Answer(
                            status,
                            "Malformed request line: characters such as [ ] { } | \\ ^ \" < > and spaces must be"
                                    + " percent-encoded in the URL");
                }
                return new Answer(
                        status,
                        "Malformed request headers: not valid HTTP/1.1 (a missing or repeated Host, a bad"
                                + " Content-Length or a control character, for example)");
            }
            String codings = request.getHeader("Transfer-Encoding");
            if (status == HttpStatus.NOT_IMPLEMENTED && codings != null) {
                // Tomcat decodes only chunked; RFC 9112 asks for a 501 for any other transfer coding.
                return new Answer(
                        status,
                        "Transfer-Encoding '" + shown(codings) + "' is not supported: send the body"
                                + " with a Content-Length or as chunked");
            }
            if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
                return new Answer(status, shown(request.getProtocol()) + " is not served here: send HTTP/1.1");
            }
            if (status.is5xxServerError() && status != HttpStatus.NOT_IMPLEMENTED) {
                return new Answer(status, "Internal server error");
            }
            return new Answer(status, status.getReasonPhrase());
        }
    }
}
