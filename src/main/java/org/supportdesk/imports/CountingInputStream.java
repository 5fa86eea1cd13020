package org.supportdesk.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes the import has read, for the progress bar. */
final class CountingInputStream extends FilterInputStream {
    private final ImportProgress progress;

    CountingInputStream(InputStream in, ImportProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.bytesRead.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            progress.bytesRead.addAndGet(n);
        }
        return n;
    }
}
