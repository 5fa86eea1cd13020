package org.supportdesk.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body received in full into a temporary file, counted as it arrives, before anything
 * reads it (see {@link BodySizeLimitFilter}). Closing deletes the file.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final HttpServletRequest request;

    private SpooledBody(Path file, HttpServletRequest request) {
        this.file = file;
        this.request = request;
    }

    /**
     * The body of {@code request}, or null (and nothing kept) as soon as reading it throws {@link
     * PayloadTooLarge}: the request's stream counts against the limit.
     */
    static SpooledBody receive(HttpServletRequest request) throws IOException {
        // createTempFile makes the file readable by its owner only: it holds customer data. In
        // Tomcat's work folder (TomcatDirectory: in the data directory, emptied at start), where
        // a kill -9 leaves it for the next start to delete, not in /tmp for good.
        Path file = Files.createTempFile(workFolder(request), "supportdesk-upload-", ".part");
        try (InputStream in = request.getInputStream();
                OutputStream out = Files.newOutputStream(file)) {
            long size = in.transferTo(out);
            return new SpooledBody(file, new Spooled(request, file, size));
        } catch (PayloadTooLarge tooLarge) {
            Files.deleteIfExists(file);
            return null;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The application's temporary folder as the servlet container gives it (Tomcat's work folder). */
    private static Path workFolder(HttpServletRequest request) throws IOException {
        if (request.getServletContext().getAttribute(ServletContext.TEMPDIR) instanceof File dir) {
            return dir.toPath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The request, its body read back from the file. */
    HttpServletRequest request() {
        return request;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The request with its body read back from the file it was received into. */
    private static final class Spooled extends HttpServletRequestWrapper {
        private final Path file;
        private final long size;
        private ServletInputStream stream;

        Spooled(HttpServletRequest request, Path file, long size) {
            super(request);
            this.file = file;
            this.size = size;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new FileBody(Files.newInputStream(file));
            }
            return stream;
        }

        @Override
        public long getContentLengthLong() {
            return size;
        }

        @Override
        public int getContentLength() {
            return size > Integer.MAX_VALUE ? -1 : (int) size;
        }
    }

    private static final class FileBody extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        FileBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("A received body is read blocking");
        }
    }
}
