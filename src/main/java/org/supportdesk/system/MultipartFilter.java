package org.supportdesk.system;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * Hands every multipart request to {@link MultipartParser} instead of Tomcat's parser, which drops
 * parts it cannot name without a word (a file sent as `Content-Disposition: attachment`: the
 * comment is stored, the file is lost). It runs after the API key check and the body size limit
 * (whose counting stream the parser reads through), before the workspace's security filters, whose
 * CSRF check may be the first to ask for the form's fields. It deletes the parts' temporary files
 * when the request is over, and answers a failure to read the parts that reaches it from those
 * filters as the error handler answers the ones Spring MVC meets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class MultipartFilter extends OncePerRequestFilter {

    private final MultipartLimits limits;
    private final long uploadLimit;

    MultipartFilter(MultipartConfigElement config, Environment env, SupportdeskProperties properties) {
        this.limits = MultipartLimits.of(config, env);
        this.uploadLimit = properties.importMaxSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var multipart =
                new MultipartRequest(request, new MultipartParser(limits, location(request.getServletContext())));
        try {
            chain.doFilter(multipart, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!multipart.failedWith(e) || response.isCommitted()) {
                throw e;
            }
            var answer = UploadFailures.answer(
                    new MultipartException("Failed to parse multipart servlet request", multipart.failure()),
                    uploadLimit);
            ErrorResponses.write(
                    response, answer.getStatusCode().value(), ((Map<?, ?>) answer.getBody()).get("detail"));
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new DeleteWhenDone(multipart));
            } else {
                multipart.delete();
            }
        }
    }

    /** Where parts beyond the threshold are written: the configured location, or the server's temp dir. */
    private File location(ServletContext context) {
        File temp = (File) context.getAttribute(ServletContext.TEMPDIR);
        String configured = limits.location();
        if (configured == null || configured.isEmpty()) {
            return temp;
        }
        File file = new File(configured);
        return file.isAbsolute() ? file : new File(temp, configured).getAbsoluteFile();
    }

    private record DeleteWhenDone(MultipartRequest request) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            request.delete();
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
