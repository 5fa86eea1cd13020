package org.supportdesk;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tomcat's upload files (upload_*.tmp) in the directory where multipart parts beyond 1 MB are
 * written, for tests that check a request leaves none behind.
 */
public final class UploadFiles {

    private UploadFiles() {}

    public static long count(ServletContext context) {
        Path dir = ((File) context.getAttribute(ServletContext.TEMPDIR)).toPath();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload_"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filter deletes a request's parts as it ends, which may be just after the client has the answer. */
    public static boolean noneLeftSoon(ServletContext context) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count(context) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
