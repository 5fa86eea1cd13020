package org.supportdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not percent-encoded UTF-8 before anything reads a parameter:
 * Tomcat's own decoding fails with an exception that quotes the value (emails, keys) and would be
 * a 500 with that value in the log. A value that does not decode (invalid UTF-8, an encoded lone
 * surrogate `%ED%A0%80`, a broken `%` escape) is a 422 on `["query", name]`; a name that does not
 * is a 400. Runs after authentication, so an unauthenticated caller still gets its 401. The
 * workspace's pages never get here with such a query: web/WorkspaceInputFilter answers people first,
 * with a page.
 *
 * <p>A query of more parameters than Tomcat reads (`server.tomcat.max-parameter-count`) is a 400
 * that says so: Tomcat refuses it with the same exception as a value it cannot decode, which was
 * answered as "not valid percent-encoded UTF-8", and only on endpoints that read a parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class QueryStringFilter extends OncePerRequestFilter {

    static final String NOT_UTF8 = "Input should be a valid string, unable to parse raw data as a unicode string";

    private final int maxParameters;

    QueryStringFilter(@Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && maxParameters >= 0 && parameters(query) > maxParameters) {
            ErrorResponses.write(response, 400, "Too many query parameters: at most " + maxParameters + " are read");
            return;
        }
        // Without an escape, the query is ASCII (Tomcat refuses raw bytes above 127) and decodes.
        if (query != null && query.indexOf('%') >= 0) {
            var problems = new ArrayList<Problem>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
                if (name == null) {
                    ErrorResponses.write(response, 400, "Query string is not valid percent-encoded UTF-8");
                    return;
                }
                if (eq >= 0 && PercentEncoding.decode(pair.substring(eq + 1)) == null) {
                    problems.add(Problem.query(name, NOT_UTF8, "string_unicode"));
                }
            }
            if (!problems.isEmpty()) {
                ErrorResponses.write(response, 422, List.copyOf(problems));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Parameters as Tomcat counts them: the chunks between '&', leaving out empty ones. */
    private static int parameters(String query) {
        int count = 0;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            if (end > start) {
                count++;
            }
            start = end + 1;
        }
        return count;
    }
}
