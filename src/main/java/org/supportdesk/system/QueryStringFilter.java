package org.supportdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not percent-encoded UTF-8 before anything reads a parameter:
 * Tomcat's own decoding fails with an exception that quotes the value (emails, keys) and would be
 * a 500 with that value in the log. A value that does not decode (invalid UTF-8, an encoded lone
 * surrogate `%ED%A0%80`, a broken `%` escape) is a 422 on `["query", name]`; a name that does not
 * is a 400. Runs after authentication, so an unauthenticated caller still gets its 401.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class QueryStringFilter extends OncePerRequestFilter {

    static final String NOT_UTF8 = "Input should be a valid string, unable to parse raw data as a unicode string";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        // Without an escape, the query is ASCII (Tomcat refuses raw bytes above 127) and decodes.
        if (query != null && query.indexOf('%') >= 0) {
            var problems = new ArrayList<Problem>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (name == null) {
                    ErrorResponses.write(response, 400, "Query string is not valid percent-encoded UTF-8");
                    return;
                }
                if (eq >= 0 && decode(pair.substring(eq + 1)) == null) {
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

    /** As a form value is decoded (`+` is a space), strictly: null when it is not UTF-8. */
    static String decode(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Tomcat refuses raw non-ASCII in the request line; were it let through, as UTF-8.
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
