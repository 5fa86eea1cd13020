package org.supportdesk.system;

import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.util.LimitedInputStream;

/**
 * Reads a multipart body into parts, as Tomcat does (its MultipartStream finds the boundaries, its
 * DiskFileItem keeps a part in memory up to the threshold and on disk beyond it, its ApplicationPart
 * is what the endpoints get), but with a loop of its own where Tomcat's FileItemIteratorImpl skips
 * parts without a word: every part is judged by {@link PartHeaders}, and a body with a part that
 * would be left out is refused whole, naming every such part (422). So is text before the first
 * boundary or after the last one (400), which Tomcat ignores. The part count, header size, file
 * size and request size limits are Tomcat's, with its exceptions, so they are answered as before;
 * the text fields together are held to the form size limit (413) as Tomcat's Request held them.
 *
 * <p>Why not Tomcat's parser with a second scanner watching the bytes: Tomcat reads the body from
 * its own connector stream, not through the request a servlet filter can wrap, so no filter sees
 * those bytes; and a second boundary scanner would have to agree with Tomcat's on every edge case.
 * Here there is one parser, and it is Tomcat's own boundary search. Memory stays bounded: a header
 * block is at most the part header limit, a body is streamed to its item (to disk past the
 * threshold), a discarded body is skipped through the same 4 KB buffer.
 */
final class MultipartParser {

    private static final int COPY_BUFFER = 8192;
    private static final int MAX_CHARSET_FIELD = 40;

    private final MultipartLimits limits;
    private final File location;

    MultipartParser(MultipartLimits limits, File location) {
        this.limits = limits;
        this.location = location;
    }

    /**
     * @throws InvalidRequest naming every part that would be left out
     * @throws MalformedRequest when the body is not multipart as its Content-Type says
     * @throws IOException Tomcat's limit exceptions, or a body cut short ({@code MalformedStreamException})
     */
    List<Part> parse(InputStream body, String contentType, long contentLength, String headerCharset)
            throws IOException {
        byte[] boundary = MultipartEdges.boundary(contentType);
        if (contentLength > limits.maxRequestSize() && limits.maxRequestSize() >= 0) {
            throw tooLarge(contentLength);
        }
        InputStream in = limited(new Guarded(body));
        var items = new ArrayList<FileItem>();
        boolean done = false;
        try {
            List<Part> parts = new ArrayList<>();
            if (MultipartEdges.openingDelimiter(in, boundary)) {
                readParts(in, boundary, headerCharset, items);
            }
            for (FileItem item : items) {
                parts.add(new ApplicationPart(item, location));
            }
            done = true;
            return parts;
        } catch (FileUploadIOException e) {
            throw (FileUploadException) e.getCause();
        } finally {
            if (!done) {
                items.forEach(FileItem::delete);
            }
        }
    }

    private void readParts(InputStream in, byte[] boundary, String headerCharset, List<FileItem> items)
            throws IOException {
        var multi = new MultipartStream(in, boundary, null);
        multi.setHeaderEncoding(headerCharset);
        multi.setPartHeaderSizeMax(limits.maxPartHeaderSize());
        var headerParser = new FileUpload();
        var factory = new DiskFileItemFactory(limits.fileSizeThreshold(), location);
        var problems = new ArrayList<Problem>();
        long formSize = 0;
        int index = 0;
        boolean more = true;
        while (more) {
            if (limits.maxParts() >= 0 && index == limits.maxParts()) {
                throw new FileCountLimitExceededException("attachment", limits.maxParts());
            }
            String raw = multi.readHeaders();
            var headers = headerParser.getParsedHeaders(raw);
            PartHeaders part = PartHeaders.of(index, raw, headers);
            if (part.problem() != null || !problems.isEmpty() && !isCharsetField(part)) {
                // After the first problem the request is refused: later bodies are only skipped.
                multi.discardBodyData();
                if (part.problem() != null) {
                    problems.add(part.problem());
                }
            } else {
                FileItem item =
                        factory.createItem(part.name(), part.contentType(), part.fileName() == null, part.fileName());
                items.add(item);
                boolean text = part.fileName() == null;
                long size = copy(
                        multi.newInputStream(),
                        item.getOutputStream(),
                        part.fileName(),
                        text ? limits.maxFormSize() - formSize : Long.MAX_VALUE);
                formSize += text ? size : 0;
                item.setHeaders(headers);
                Problem charset = charsetField(part, item);
                if (charset != null) {
                    problems.add(charset);
                }
            }
            index++;
            more = multi.readBoundary();
        }
        MultipartEdges.epilogue(multi);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    /**
     * Copies a part's body to its item, with the file size limit and, for a text field, what is
     * left of the form limit (Tomcat's max-http-form-post-size, which its parser applied to the
     * text fields together): the request stops there, before megabytes of text are spooled.
     *
     * @return the part's size
     */
    private long copy(InputStream part, OutputStream out, String fileName, long textLeft) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long size = 0;
        try (part;
                out) {
            for (int n = part.read(buffer); n >= 0; n = part.read(buffer)) {
                size += n;
                if (limits.maxFormSize() >= 0 && size > textLeft) {
                    throw new PayloadTooLarge(
                            "The form's text fields are larger together than the limit of " + limits.maxFormSize()
                                    + " bytes; a long text is sent as a file",
                            limits.maxFormSize());
                }
                if (limits.maxFileSize() >= 0 && size > limits.maxFileSize()) {
                    throw new FileSizeLimitExceededException(
                            "The field's content exceeds its maximum permitted size of " + limits.maxFileSize()
                                    + " bytes" + (fileName == null ? "" : " (file " + fileName + ")"),
                            size,
                            limits.maxFileSize());
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /**
     * `_charset_` (RFC 7578 4.6) names the charset of the text fields; they are read as UTF-8, so
     * another one is refused rather than ignored.
     */
    private static boolean isCharsetField(PartHeaders part) {
        return "_charset_".equals(part.name()) && part.fileName() == null;
    }

    private static Problem charsetField(PartHeaders part, FileItem item) {
        if (!isCharsetField(part)) {
            return null;
        }
        String value = item.getSize() > MAX_CHARSET_FIELD ? "?" : new String(item.get(), StandardCharsets.US_ASCII);
        return PartHeaders.isUtf8(value)
                ? null
                : Problem.body(
                        "The form says its text fields are in charset '" + value.replaceAll("[^ -~]", "?")
                                + "'; they are read as UTF-8: send UTF-8",
                        "part_charset",
                        "_charset_");
    }

    private InputStream limited(InputStream body) {
        if (limits.maxRequestSize() < 0) {
            return body;
        }
        return new LimitedInputStream(body, limits.maxRequestSize()) {
            @Override
            protected void raiseError(long max, long count) throws IOException {
                throw new FileUploadIOException(tooLarge(count));
            }
        };
    }

    /**
     * The body's own failures (over the body size limit, the client gone) pass through Tomcat's
     * MultipartStream as they are: it would turn a plain IOException met while reading a header
     * block or a boundary into "Stream ended unexpectedly", a 400 instead of the 413.
     */
    private static final class Guarded extends java.io.FilterInputStream {

        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw wrapped(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw wrapped(e);
            }
        }

        private static FileUploadIOException wrapped(IOException e) {
            return e instanceof FileUploadIOException f
                    ? f
                    : new FileUploadIOException(new FileUploadException(e.getMessage(), e));
        }
    }

    private SizeLimitExceededException tooLarge(long size) {
        return new SizeLimitExceededException(
                "The request's size (" + size + ") is over the limit of " + limits.maxRequestSize() + " bytes",
                size,
                limits.maxRequestSize());
    }
}
