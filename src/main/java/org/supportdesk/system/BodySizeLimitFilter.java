package org.supportdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while
 * reading when the body is chunked. Imports have their own, larger limit. A chunked import (no
 * length known in advance) is received in full, counted, into a temporary file before anything
 * parses it: an import streams into the database as it is parsed, so reading an oversized body
 * through the parser would insert (then roll back) up to the limit's worth of tickets, holding the
 * writer for as long, before the 413. Multipart imports need no such step: MultipartParser stores
 * the parts before the import starts, reading through this filter's count. A comment with
 * files (`POST /tickets/{id}/comments`) may be as large as its files may be together, plus the
 * ordinary limit for its text; each file's own limit is checked when the comment is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Pattern COMMENTS = Pattern.compile("/tickets/[^/]+/comments");

    private final long bodyLimit;
    private final long importLimit;
    private final long commentLimit;

    BodySizeLimitFilter(SupportdeskProperties properties) {
        this.bodyLimit = properties.maxBodySize().toBytes();
        this.importLimit = properties.importMaxSize().toBytes();
        this.commentLimit = properties.attachments().maxTotalSize().toBytes() + bodyLimit;
    }

    static boolean isImport(String path) {
        // The API's imports, its background import jobs, and the workspace's import screen.
        return path.startsWith("/import/")
                || path.equals("/tickets/import")
                || path.equals("/imports")
                || path.startsWith("/desk/import");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            // Read as it is, a compressed body would be parsed as garbage (or, worse, as text that
            // happens to parse): RFC 9110 answers a coding the server does not decode with 415.
            ErrorResponses.write(
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding is not supported: send the body uncompressed");
            return;
        }
        boolean isImport = isImport(request.getRequestURI());
        boolean isUpload = !isImport
                && isMultipart(request)
                && COMMENTS.matcher(request.getRequestURI()).matches();
        long limit = isImport ? importLimit : isUpload ? commentLimit : bodyLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Say no before reading.
            refuse(response, limit);
            return;
        }
        if (isImport && declared < 0 && isChunked(request) && !isMultipart(request)) {
            spoolThenImport(request, response, chain, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static void spoolThenImport(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, long limit)
            throws ServletException, IOException {
        try (SpooledBody body = SpooledBody.receive(new Limited(request, limit))) {
            if (body == null) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(body.request(), response);
        }
    }

    /** 413, and the connection is closed so that the client stops sending. */
    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        ErrorResponses.write(response, 413, new PayloadTooLarge(limit).getMessage());
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void add(long n) throws PayloadTooLarge {
            if (n > 0 && (count += n) > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
