package org.supportdesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.ParameterParser;
import org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException;

/**
 * The edges of a multipart body: its boundary, and what Tomcat's parser skips unread, the
 * preamble before the first boundary line and the epilogue after the closing one. RFC 2046 lets them hold text to ignore; no
 * HTTP client writes any, and text there is most likely a part that is lost (a body that does not
 * start with its boundary, a part sent after the closing line). Blank lines are allowed, as some
 * clients put a CRLF before the first boundary or after the last.
 */
final class MultipartEdges {

    private static final int MAX_BOUNDARY = 1000;

    private MultipartEdges() {}

    /** The boundary parameter of the Content-Type, read as Tomcat reads it (quoted or not). */
    static byte[] boundary(String contentType) {
        var parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        String boundary = parser.parse(contentType, new char[] {';', ','}).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedRequest("Malformed multipart request: the Content-Type has no boundary");
        }
        if (boundary.length() > MAX_BOUNDARY) {
            // RFC 2046 allows 70 characters; longer ones are read as Tomcat read them, up to this.
            throw new MalformedRequest("Malformed multipart request: the Content-Type's boundary is longer than "
                    + MAX_BOUNDARY + " characters");
        }
        return boundary.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Skips blank lines before the first delimiter (some clients start with CRLF) and reads it.
     * False for an empty body or one that is closed at once ("--boundary--"): no parts.
     */
    static boolean openingDelimiter(InputStream in, byte[] boundary) throws IOException {
        int b = in.read();
        while (isBlank(b)) {
            b = in.read();
        }
        if (b < 0) {
            return false;
        }
        byte[] delimiter = new byte[boundary.length + 2];
        delimiter[0] = (byte) b;
        int read = 1 + in.readNBytes(delimiter, 1, delimiter.length - 1);
        if (read < delimiter.length
                || delimiter[0] != '-'
                || delimiter[1] != '-'
                || !Arrays.equals(delimiter, 2, delimiter.length, boundary, 0, boundary.length)) {
            throw new MalformedRequest("Malformed multipart request: the body does not begin with its boundary line"
                    + " (--boundary, as the Content-Type's boundary parameter says), so nothing of it could be"
                    + " read as parts");
        }
        int first = in.read();
        if (first == '-' && in.read() == '-') {
            rest(in);
            return false;
        }
        if (first == '\n' || first == '\r' && in.read() == '\n') {
            return true;
        }
        throw new MalformedRequest("Malformed multipart request: the boundary line is followed by other text");
    }

    /** What follows the closing delimiter may be blank lines only; text there would be ignored. */
    static void epilogue(MultipartStream multi) throws IOException {
        for (; ; ) {
            byte b;
            try {
                b = multi.readByte();
            } catch (FileUploadIOException e) {
                throw e;
            } catch (IOException e) {
                return; // the end of the body
            }
            if (!isBlank(b)) {
                throw afterTheEnd();
            }
        }
    }

    private static void rest(InputStream in) throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (!isBlank(b)) {
                throw afterTheEnd();
            }
        }
    }

    private static MalformedRequest afterTheEnd() {
        return new MalformedRequest("Malformed multipart request: text follows the closing boundary line"
                + " (--boundary--), and it would be ignored; is a part sent after the end?");
    }

    private static boolean isBlank(int b) {
        return b == '\r' || b == '\n' || b == ' ' || b == '\t';
    }
}
