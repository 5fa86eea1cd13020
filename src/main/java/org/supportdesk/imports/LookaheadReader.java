package org.supportdesk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** The iterator plumbing shared by the three format readers: read one record ahead, remember failure. */
abstract class LookaheadReader implements TicketRecordReader {

    private final Utf8Text text;
    private ImportRecord pending;
    private boolean finished;
    private RuntimeException failure;

    LookaheadReader(Utf8Text text) {
        this.text = text;
    }

    /** The next record, or null at the end of the file. */
    abstract ImportRecord readNext();

    @Override
    public final boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        if (pending == null && !finished) {
            try {
                pending = readNext();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public final ImportRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportRecord result = pending;
        pending = null;
        return result;
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
